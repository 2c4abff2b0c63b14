/**
 * Who gets a place: pure rules over the places an event's confirmed registrations hold. The caller holds
 * the event row's lock, so the counts cannot move underneath it.
 *
 * Capacity is split in places reserved for the host organisations and general places. A host's registrant
 * takes a reserved place while one is free, else a general one; anyone else only a general one. An
 * organisation holds at most `perOrganisationCap` places; beyond it its registrants wait on the list.
 */
import {
  PROMOTION_SHORT_WHEN_EVENT_WITHIN_DAYS,
  PROMOTION_WINDOW_HOURS,
  PROMOTION_WINDOW_SHORT_HOURS,
} from '../../../common/forum-states.ts';
import { DAY_MS, HOUR_MS } from '../../../common/time.ts';

export type Capacity = { capacity: number; reservedForHosts: number; perOrganisationCap: number };
export type Held = { hostPlaces: number; generalPlaces: number; byOrganisation: Map<string, number> };
export type Place = { hostPlace: boolean } | null;

export function placeFor(
  event: Capacity,
  held: Held,
  who: { organisationId: string | null; isHost: boolean },
): Place {
  const orgHeld = who.organisationId ? (held.byOrganisation.get(who.organisationId) ?? 0) : 0;
  if (orgHeld >= event.perOrganisationCap) return null;
  if (who.isHost && held.hostPlaces < event.reservedForHosts) return { hostPlace: true };
  if (held.generalPlaces < event.capacity - event.reservedForHosts) return { hostPlace: false };
  return null;
}

/** Counts a place as taken (or given back, with -1). */
export function take(held: Held, organisationId: string | null, place: { hostPlace: boolean }, by = 1) {
  if (place.hostPlace) held.hostPlaces += by;
  else held.generalPlaces += by;
  if (organisationId)
    held.byOrganisation.set(organisationId, (held.byOrganisation.get(organisationId) ?? 0) + by);
}

/** How long a promoted registrant has to confirm: shorter when the event is close, never past its start. */
export function confirmByFor(now: Date, startsAt: Date): Date {
  const close = startsAt.getTime() - now.getTime() < PROMOTION_SHORT_WHEN_EVENT_WITHIN_DAYS * DAY_MS;
  const window = (close ? PROMOTION_WINDOW_SHORT_HOURS : PROMOTION_WINDOW_HOURS) * HOUR_MS;
  return new Date(Math.min(now.getTime() + window, startsAt.getTime()));
}
