/**
 * Who is on call in a unit at an instant: pure, so the roster page, the "on call now" header and the
 * escalation engine share one answer (server/modules/coordination/on-call.ts loads the rows and calls it).
 *
 * A roster has layers (`primary`: the on-call officer; `backup`). Each layer rotates through its members,
 * daily or weekly, handing over at a Bangkok time of day, counted from its start day. An optional
 * restriction limits when the layer covers (e.g. nights 18:00–08:30, or Mon–Fri); outside it the layer
 * has a gap. An override (member X covers a layer from T1 to T2) wins over the rotation and the
 * restriction; of two overlapping overrides the later-made one wins. A rotation member who is no longer
 * in the unit is a gap too: nobody is reached through them. Gaps are answers, never hidden.
 * Thailand keeps no summer time: Bangkok is UTC+7 all year, so the arithmetic is exact.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.ts';

export const ROSTER_LEVELS = ['primary', 'backup'] as const;
export type RosterLevel = (typeof ROSTER_LEVELS)[number];
export const ROTATIONS = ['daily', 'weekly'] as const;
export type Rotation = (typeof ROTATIONS)[number];
/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * When a layer covers: on the listed weekdays from `from` to `to` (Bangkok, `HH:MM`). `to` at or before
 * `from` runs past midnight into the next day (nights); `from` equal to `to` is the whole day. The weekday
 * is the one the window starts on, so a Friday night runs into Saturday morning.
 */
export type RosterRestriction = { weekdays: number[]; from: string; to: string };

export type RosterLayer = {
  id: string;
  level: RosterLevel;
  name: string;
  rotation: Rotation;
  /** `HH:MM` Bangkok: when one member hands over to the next. */
  handoverTime: string;
  /** `YYYY-MM-DD` Bangkok: the first member's first turn starts this day at the handover time. */
  startsOn: string;
  /** In turn order; empty is a gap. */
  memberIds: string[];
  restriction: RosterRestriction | null;
};

export type RosterOverride = {
  id: string;
  layerId: string;
  userId: string;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
};

export type Roster = { layers: RosterLayer[]; overrides: RosterOverride[] };

export type GapReason = 'no_members' | 'not_started' | 'outside_hours' | 'not_a_member';
export type LayerOnCall =
  | { layerId: string; level: RosterLevel; userId: string; source: 'rotation' | 'override' }
  | { layerId: string; level: RosterLevel; userId: null; gap: GapReason };

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const BANGKOK_OFFSET_MS = 7 * HOUR_MS;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** The instant a Bangkok day (`YYYY-MM-DD`) reaches `HH:MM`. */
export const bangkokInstant = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
/** The Bangkok calendar day at an instant. */
export const bangkokDayOf = (at: Date) =>
  new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
const isoWeekday = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};
export const addDays = (day: string, n: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + n * DAY_MS).toISOString().slice(0, 10);

/** Whether the restriction covers the instant: it checks the window opened today and the one from yesterday. */
export function withinRestriction(r: RosterRestriction | null, at: Date): boolean {
  if (!r) return true;
  const today = bangkokDayOf(at);
  const from = minutesOf(r.from);
  const to = minutesOf(r.to);
  const length = (to > from ? to - from : to + 24 * 60 - from) * MINUTE_MS;
  for (const day of [today, addDays(today, -1)]) {
    if (!r.weekdays.includes(isoWeekday(day))) continue;
    const start = bangkokInstant(day, r.from).getTime();
    if (at.getTime() >= start && at.getTime() < start + length) return true;
  }
  return false;
}

/** The rotation member whose turn it is at the instant, or why nobody's. */
export function rotationMember(layer: RosterLayer, at: Date): { userId: string } | { gap: GapReason } {
  if (layer.memberIds.length === 0) return { gap: 'no_members' };
  const start = bangkokInstant(layer.startsOn, layer.handoverTime).getTime();
  if (at.getTime() < start) return { gap: 'not_started' };
  const period = layer.rotation === 'daily' ? DAY_MS : 7 * DAY_MS;
  const turn = Math.floor((at.getTime() - start) / period);
  return { userId: layer.memberIds[turn % layer.memberIds.length]! };
}

/**
 * Who answers for each layer at `at`, in the layers' order. `unitMemberIds`: the unit's members now; a
 * rostered or overriding person outside it is a gap, because a notice to them would reach nobody on duty.
 */
export function onCallAt(roster: Roster, at: Date, unitMemberIds?: ReadonlySet<string>): LayerOnCall[] {
  return roster.layers.map((layer) => {
    const base = { layerId: layer.id, level: layer.level };
    const member = (userId: string, source: 'rotation' | 'override'): LayerOnCall =>
      unitMemberIds && !unitMemberIds.has(userId)
        ? { ...base, userId: null, gap: 'not_a_member' }
        : { ...base, userId, source };
    const override = roster.overrides
      .filter(
        (o) =>
          o.layerId === layer.id && o.startsAt.getTime() <= at.getTime() && at.getTime() < o.endsAt.getTime(),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (override) return member(override.userId, 'override');
    if (!withinRestriction(layer.restriction, at)) return { ...base, userId: null, gap: 'outside_hours' };
    const turn = rotationMember(layer, at);
    return 'gap' in turn ? { ...base, userId: null, gap: turn.gap } : member(turn.userId, 'rotation');
  });
}

/** The people a level reaches at `at` (each once), in layer order; empty when every such layer has a gap. */
export const onCallUsers = (
  roster: Roster,
  at: Date,
  level: RosterLevel,
  unitMemberIds?: ReadonlySet<string>,
) => [
  ...new Set(
    onCallAt(roster, at, unitMemberIds)
      .filter((l) => l.level === level && l.userId)
      .map((l) => l.userId!),
  ),
];

export type OnCallSegment = { from: Date; to: Date; onCall: LayerOnCall };

/**
 * Each layer's shifts between two instants, as the week view draws them: the answer changes only at a
 * handover, a restriction edge or an override edge, so it is evaluated at those instants and merged.
 */
export function onCallSegments(
  roster: Roster,
  from: Date,
  to: Date,
  unitMemberIds?: ReadonlySet<string>,
): Map<string, OnCallSegment[]> {
  const edges = new Set<number>([from.getTime()]);
  const times = new Set<string>();
  for (const l of roster.layers) {
    times.add(l.handoverTime);
    if (l.restriction) times.add(l.restriction.from).add(l.restriction.to);
  }
  for (let day = addDays(bangkokDayOf(from), -1); bangkokInstant(day, '00:00') < to; day = addDays(day, 1))
    for (const hhmm of times) edges.add(bangkokInstant(day, hhmm).getTime());
  for (const o of roster.overrides) edges.add(o.startsAt.getTime()).add(o.endsAt.getTime());
  const instants = [...edges].filter((t) => t >= from.getTime() && t < to.getTime()).sort((a, b) => a - b);
  const result = new Map<string, OnCallSegment[]>(roster.layers.map((l) => [l.id, []]));
  for (const [i, t] of instants.entries()) {
    const end = new Date(instants[i + 1] ?? to.getTime());
    for (const onCall of onCallAt(roster, new Date(t), unitMemberIds)) {
      const list = result.get(onCall.layerId)!;
      const last = list.at(-1);
      if (last && sameAnswer(last.onCall, onCall)) last.to = end;
      else list.push({ from: new Date(t), to: end, onCall });
    }
  }
  return result;
}

const sameAnswer = (a: LayerOnCall, b: LayerOnCall) =>
  a.userId === b.userId &&
  (a.userId === null
    ? 'gap' in a && 'gap' in b && a.gap === b.gap
    : 'source' in a && 'source' in b && a.source === b.source);
