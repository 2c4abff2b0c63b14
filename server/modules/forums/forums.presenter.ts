/** Pure functions from rows and the viewer to the views of common/forums-api.ts. */
import { ONLINE_LINK_LEAD_MINUTES } from '../../../common/forum-states.ts';
import type {
  AgendaItemView,
  EventListItem,
  EventView,
  MyRegistrationView,
} from '../../../common/forums-api.ts';
import { MINUTE_MS } from '../../../common/time.ts';
import type { ForumEventRow, ForumRegistrationRow } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { can } from '../../platform/policy.ts';
import { presentOrganisation } from '../../platform/projections.ts';
import type { AgendaItemRow, ProblemLinkRow } from './event-page.query.ts';

export const onlineLinkFrom = (event: Pick<ForumEventRow, 'startsAt'>) =>
  new Date(event.startsAt.getTime() - ONLINE_LINK_LEAD_MINUTES * MINUTE_MS);

/**
 * The online link: always to the Centre; to a registrant holding a confirmed place (not a promotion still
 * to confirm) from ONLINE_LINK_LEAD_MINUTES before the start to the end; never to anyone else.
 */
export function showsOnlineLink(
  actor: Actor,
  event: Pick<ForumEventRow, 'startsAt' | 'endsAt'>,
  reg: Pick<ForumRegistrationRow, 'state' | 'confirmBy'> | null,
  now: Date,
) {
  if (can(actor, 'forum.manage', undefined)) return true;
  return (
    reg?.state === 'confirmed' &&
    reg.confirmBy === null &&
    now >= onlineLinkFrom(event) &&
    now <= event.endsAt
  );
}

/** A ticket exists for the holder while the registration holds or waits for a place. */
const holdsTicket = (reg: ForumRegistrationRow) => reg.state === 'confirmed' && reg.confirmBy === null;

export function presentMyRegistration(
  reg: ForumRegistrationRow,
  waitlistPosition: number | null,
): MyRegistrationView {
  return {
    id: reg.id,
    state: reg.state,
    invited: reg.invited,
    confirmBy: reg.confirmBy?.toISOString() ?? null,
    waitlistPosition,
    ticketCode: holdsTicket(reg) ? reg.ticketCode : null,
    language: reg.language,
    phone: reg.phone,
    dietaryNotes: reg.dietaryNotes,
    createdAt: reg.createdAt.toISOString(),
  };
}

export function presentAgenda(items: AgendaItemRow[], links: ProblemLinkRow[]): AgendaItemView[] {
  const one = (i: AgendaItemRow) => ({
    id: i.id,
    parentId: i.parentId,
    position: i.position,
    titleTh: i.titleTh,
    titleEn: i.titleEn,
    startsAt: i.startsAt?.toISOString() ?? null,
    durationMinutes: i.durationMinutes,
    presentingOrganisation: i.presenting ? presentOrganisation(i.presenting) : null,
    recurring: i.recurring,
    origin: i.origin,
    problems: links
      .filter((l) => l.itemId === i.id)
      .map((l) => ({
        id: l.id,
        title: l.title,
        state: l.state as AgendaItemView['problems'][number]['state'],
      })),
  });
  const byOrder = (a: AgendaItemRow, b: AgendaItemRow) =>
    a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime();
  return items
    .filter((i) => i.parentId === null)
    .sort(byOrder)
    .map((top) => ({
      ...one(top),
      children: items
        .filter((c) => c.parentId === top.id)
        .sort(byOrder)
        .map(one),
    }));
}

export function presentListItem(
  e: ForumEventRow,
  myState: ForumRegistrationRow['state'] | null,
): EventListItem {
  return {
    id: e.id,
    number: e.number,
    titleTh: e.titleTh,
    titleEn: e.titleEn,
    format: e.format,
    state: e.state,
    provinceCode: e.provinceCode,
    venueTh: e.venueTh,
    venueEn: e.venueEn,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    myRegistrationState: myState,
  };
}

type EventParts = Pick<
  EventView,
  'seriesNameTh' | 'seriesNameEn' | 'hosts' | 'counts' | 'agenda' | 'invited' | 'myRegistration' | 'can'
> & { registration: ForumRegistrationRow | null };

export function presentEvent(actor: Actor, now: Date, e: ForumEventRow, parts: EventParts): EventView {
  const { registration, ...rest } = parts;
  const { myRegistrationState: _unused, ...listed } = presentListItem(e, null);
  return {
    ...listed,
    ...rest,
    address: e.address,
    mapUrl: e.mapUrl,
    onlineUrl: e.onlineUrl && showsOnlineLink(actor, e, registration, now) ? e.onlineUrl : null,
    hasOnlineLink: e.onlineUrl !== null,
    onlineLinkFrom: onlineLinkFrom(e).toISOString(),
    chairTh: e.chairTh,
    chairEn: e.chairEn,
    objectivesTh: e.objectivesTh,
    objectivesEn: e.objectivesEn,
    capacity: e.capacity,
    reservedForHosts: e.reservedForHosts,
    perOrganisationCap: e.perOrganisationCap,
    registrationMode: e.registrationMode,
    version: e.version,
    privacyNoticeVersion: e.privacyNoticeVersion,
  };
}
