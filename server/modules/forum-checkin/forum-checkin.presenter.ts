/** Pure: rows of the door and the room to the views of common/forum-checkin-api.ts. */
import type { OrganisationSummary } from '../../../common/api.ts';
import type {
  AttendanceView,
  CheckinOutcome,
  CheckinResultView,
  PollView,
} from '../../../common/forum-checkin-api.ts';
import type { Sector } from '../../../common/taxonomies.ts';
import type { forumPolls } from '../../db/schema/index.ts';
import { presentOrganisation } from '../../platform/projections.ts';
import type { CheckinRow, PersonRow } from './forum-checkin.queries.ts';

export function presentPerson(p: PersonRow) {
  return {
    registrationId: p.registrationId,
    name: p.userName ?? p.guestName ?? '—',
    organisation: p.organisation ? presentOrganisation(p.organisation) : null,
    guestOrganisationName: p.organisation ? null : p.guestOrganisationName,
    sector: p.sector,
  };
}

export const presentCheckinResult = (
  outcome: CheckinOutcome,
  person: PersonRow,
  checkin: CheckinRow,
): CheckinResultView => ({
  outcome,
  person: presentPerson(person),
  checkin: {
    method: checkin.method,
    scannedAt: checkin.scannedAt.toISOString(),
    by: checkin.byId && checkin.byName ? { id: checkin.byId, displayName: checkin.byName } : null,
  },
});

type OrganisationTally = {
  organisation: OrganisationSummary | null;
  guestOrganisationName: string | null;
  sector: Sector | null;
  registered: number;
  checkedIn: number;
  walkIns: number;
};

/** Sums the per-organisation rows into the totals and the per-sector rows (sectors in a fixed order). */
export function tallyAttendance(rows: OrganisationTally[]) {
  const sum = (pick: (r: OrganisationTally) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const bySector = new Map<Sector | null, { registered: number; checkedIn: number }>();
  for (const r of rows) {
    const s = bySector.get(r.sector) ?? { registered: 0, checkedIn: 0 };
    s.registered += r.registered;
    s.checkedIn += r.checkedIn;
    bySector.set(r.sector, s);
  }
  return {
    registered: sum((r) => r.registered),
    checkedIn: sum((r) => r.checkedIn),
    walkIns: sum((r) => r.walkIns),
    bySector: [...bySector.entries()]
      .map(([sector, t]) => ({ sector, ...t }))
      .sort((a, b) => b.registered - a.registered || String(a.sector).localeCompare(String(b.sector))),
    byOrganisation: rows.map(({ organisation, guestOrganisationName, registered, checkedIn }) => ({
      organisation,
      guestOrganisationName: organisation ? null : guestOrganisationName,
      registered,
      checkedIn,
    })),
  } satisfies Omit<AttendanceView, 'event' | 'recent'>;
}

type PollRow = typeof forumPolls.$inferSelect;

/** Results only once the chair closed the poll; the viewer's own choice always. */
export const presentPoll = (poll: PollRow, votes: { optionIds: string[]; mine: boolean }[]): PollView => {
  const mine = votes.find((v) => v.mine);
  return {
    id: poll.id,
    eventId: poll.eventId,
    agendaItemId: poll.agendaItemId,
    questionTh: poll.questionTh,
    questionEn: poll.questionEn,
    kind: poll.kind,
    options: poll.options,
    state: poll.state,
    openedAt: poll.openedAt?.toISOString() ?? null,
    closedAt: poll.closedAt?.toISOString() ?? null,
    totalVotes: votes.length,
    myVote: mine ? mine.optionIds : null,
    results:
      poll.state === 'closed'
        ? poll.options.map((o) => ({
            optionId: o.id,
            votes: votes.filter((v) => v.optionIds.includes(o.id)).length,
          }))
        : null,
  };
};
