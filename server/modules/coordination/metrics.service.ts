/**
 * How each unit (or organisation) answers: median and 90th percentile wall-clock time from arrival in its
 * inbox to acknowledge, accept and outcome; the share of SLA clocks breached; declines and forwards by
 * reason; outcomes; the average rating. A forwarded request counts for every inbox it stayed in, each
 * measured from its own arrival (the clocks' rule). Requests are chosen by creation day in Bangkok.
 */
import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { SLA_TARGET_NAMES, stayClocks, staysOf } from '../../../common/coordination-sla.ts';
import {
  type MetricsQuery,
  type MetricsRow,
  RESPONSE_TIMES,
  type UnitResponseTimesView,
} from '../../../common/coordination-sla-api.ts';
import type { Urgency } from '../../../common/coordination-states.ts';
import type { Language } from '../../../common/taxonomies.ts';
import { DAY_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import {
  coordinationRequestEvents,
  coordinationRequestRatings,
  coordinationRequests,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { toCsv } from '../../platform/csv.ts';
import { csvHeader } from '../../platform/csv-locale.ts';
import { authorize } from '../../platform/policy.ts';
import { presentOrganisation } from '../../platform/projections.ts';
import { getUnit, organisationsById, unitsById } from './coordination.queries.ts';
import { slaEventsOf, slaSetting } from './sla.ts';

/** Nearest-rank percentile of sorted values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const durations = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 50), p90Ms: percentile(sorted, 90), count: sorted.length };
};
const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

type Tally = {
  unitId: string;
  received: number;
  acknowledge: number[];
  accept: number[];
  outcome: number[];
  breaches: number;
  judged: number;
  declinesByReason: Record<string, number>;
  forwardsByReason: Record<string, number>;
  outcomes: Record<string, number>;
  notSuccessfulReasons: Record<string, number>;
  ratings: number[];
};
const emptyTally = (unitId: string): Tally => ({
  unitId,
  received: 0,
  acknowledge: [],
  accept: [],
  outcome: [],
  breaches: 0,
  judged: 0,
  declinesByReason: {},
  forwardsByReason: {},
  outcomes: {},
  notSuccessfulReasons: {},
  ratings: [],
});

type ChosenRequest = { id: string; urgency: Urgency; slaPolicyVersion: number };

/** Each unit's tally of the requests chosen: every stay in its inbox, measured from that stay's arrival. */
async function tallyByUnit(db: Db, requests: readonly ChosenRequest[], now: Date) {
  const ids = requests.map((r) => r.id);
  const [setting, events, ratings] = await Promise.all([
    slaSetting(db),
    slaEventsOf(db, ids),
    ids.length
      ? db
          .select({
            requestId: coordinationRequestRatings.requestId,
            score: coordinationRequestRatings.score,
          })
          .from(coordinationRequestRatings)
          .where(inArray(coordinationRequestRatings.requestId, ids))
      : Promise.resolve([]),
  ]);
  const scoreOf = new Map(ratings.map((r) => [r.requestId, r.score]));

  const tallies = new Map<string, Tally>();
  for (const r of requests) {
    const targets = (setting.targets.get(r.slaPolicyVersion) ?? setting.targets.get(1)!)[r.urgency];
    for (const stay of staysOf(events.get(r.id) ?? [])) {
      if (!stay.unitId) continue;
      const t = tallies.get(stay.unitId) ?? emptyTally(stay.unitId);
      tallies.set(stay.unitId, t);
      t.received++;
      const since = (at: Date) => at.getTime() - stay.arrivedAt.getTime();
      for (const e of stay.events) {
        if (e.kind !== 'state_changed') continue;
        const reason = (e.data.reason as string | null) || '—';
        switch (e.data.to) {
          case 'acknowledged':
            t.acknowledge.push(since(e.at));
            break;
          case 'accepted':
            t.accept.push(since(e.at));
            break;
          case 'declined':
            bump(t.declinesByReason, reason);
            break;
          case 'forwarded':
            bump(t.forwardsByReason, reason);
            break;
          case 'done': {
            t.outcome.push(since(e.at));
            bump(t.outcomes, String(e.data.outcome));
            if (e.data.outcomeReason) bump(t.notSuccessfulReasons, String(e.data.outcomeReason));
            const score = scoreOf.get(r.id);
            if (score !== undefined) t.ratings.push(score);
            break;
          }
        }
      }
      const clocks = stayClocks(stay, targets, now, setting.holidays);
      for (const name of SLA_TARGET_NAMES) {
        if (clocks[name].state === 'breached') t.breaches++;
        if (clocks[name].state === 'breached' || clocks[name].state === 'met') t.judged++;
      }
    }
  }
  return tallies;
}

export async function coordinationMetrics(
  db: Db,
  viewer: Actor,
  query: z.infer<typeof MetricsQuery>,
  now: Date,
) {
  authorize(viewer, 'coordination.read', undefined);
  const requests = await db
    .select({
      id: coordinationRequests.id,
      urgency: coordinationRequests.urgency,
      slaPolicyVersion: coordinationRequests.slaPolicyVersion,
    })
    .from(coordinationRequests)
    .where(
      and(
        query.from
          ? gte(coordinationRequests.createdAt, new Date(`${query.from}T00:00:00+07:00`))
          : undefined,
        query.to ? lt(coordinationRequests.createdAt, new Date(`${query.to}T24:00:00+07:00`)) : undefined,
      ),
    );
  const tallies = await tallyByUnit(db, requests, now);

  const units = await unitsById(db, [...tallies.keys()]);
  const orgs = await organisationsById(
    db,
    [...units.values()].map((u) => u.organisationId),
  );
  const groups = new Map<string, Tally[]>();
  for (const t of tallies.values()) {
    const key = query.groupBy === 'unit' ? t.unitId : units.get(t.unitId)!.organisationId;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const merge = (list: Record<string, number>[]) => {
    const out: Record<string, number> = {};
    for (const counts of list) for (const [k, n] of Object.entries(counts)) out[k] = (out[k] ?? 0) + n;
    return out;
  };
  const items: MetricsRow[] = [...groups.entries()].map(([, list]) => {
    const unit = units.get(list[0]!.unitId)!;
    const breaches = list.reduce((n, t) => n + t.breaches, 0);
    const judged = list.reduce((n, t) => n + t.judged, 0);
    const scores = list.flatMap((t) => t.ratings);
    return {
      unit: query.groupBy === 'unit' ? { id: unit.id, nameTh: unit.nameTh, nameEn: unit.nameEn } : null,
      organisation: presentOrganisation(orgs.get(unit.organisationId)!),
      received: list.reduce((n, t) => n + t.received, 0),
      acknowledge: durations(list.flatMap((t) => t.acknowledge)),
      accept: durations(list.flatMap((t) => t.accept)),
      outcome: durations(list.flatMap((t) => t.outcome)),
      breachRate: judged ? breaches / judged : null,
      breaches,
      judged,
      declinesByReason: merge(list.map((t) => t.declinesByReason)),
      forwardsByReason: merge(list.map((t) => t.forwardsByReason)),
      outcomes: merge(list.map((t) => t.outcomes)),
      notSuccessfulReasons: merge(list.map((t) => t.notSuccessfulReasons)),
      averageRating: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      ratings: scores.length,
    };
  });
  items.sort(
    (a, b) => b.received - a.received || a.organisation.nameTh.localeCompare(b.organisation.nameTh, 'th'),
  );
  return { groupBy: query.groupBy, items };
}

const METRICS_COLUMNS = {
  organisation: 'หน่วยงาน',
  unit: 'หน่วยรับเรื่อง',
  received: 'จำนวนคำขอที่ได้รับ',
  acknowledge_median_minutes: 'เวลาตอบรับ มัธยฐาน (นาที)',
  acknowledge_p90_minutes: 'เวลาตอบรับ เปอร์เซ็นไทล์ที่ 90 (นาที)',
  accept_median_minutes: 'เวลารับเรื่อง มัธยฐาน (นาที)',
  accept_p90_minutes: 'เวลารับเรื่อง เปอร์เซ็นไทล์ที่ 90 (นาที)',
  outcome_median_minutes: 'เวลาแจ้งผล มัธยฐาน (นาที)',
  outcome_p90_minutes: 'เวลาแจ้งผล เปอร์เซ็นไทล์ที่ 90 (นาที)',
  breach_rate_percent: 'อัตราเกินกำหนด (%)',
  declines: 'ปฏิเสธ',
  forwards: 'ส่งต่อ',
  outcome_successful: 'ผลสำเร็จ',
  outcome_partly: 'สำเร็จบางส่วน',
  outcome_not: 'ไม่สำเร็จ',
  average_rating: 'คะแนนเฉลี่ย',
  ratings: 'จำนวนการให้คะแนน',
} as const;

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 60_000));
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function metricsCsv(
  view: { groupBy: 'unit' | 'organisation'; items: MetricsRow[] },
  language: Language,
) {
  const name = (o: { nameTh: string; nameEn: string }) => (language === 'th' ? o.nameTh : o.nameEn);
  return toCsv(
    csvHeader(METRICS_COLUMNS, language),
    view.items.map((m) => [
      name(m.organisation),
      m.unit ? name(m.unit) : null,
      m.received,
      minutes(m.acknowledge.medianMs),
      minutes(m.acknowledge.p90Ms),
      minutes(m.accept.medianMs),
      minutes(m.accept.p90Ms),
      minutes(m.outcome.medianMs),
      minutes(m.outcome.p90Ms),
      m.breachRate === null ? null : Math.round(m.breachRate * 1000) / 10,
      sum(m.declinesByReason),
      sum(m.forwardsByReason),
      m.outcomes.successful ?? 0,
      m.outcomes.partly ?? 0,
      m.outcomes.not ?? 0,
      m.averageRating === null ? null : Math.round(m.averageRating * 10) / 10,
      m.ratings,
    ]),
  );
}

/**
 * How fast one unit answers, for its page: median and 90th percentile time to acknowledge and to accept
 * over the requests that came into its inbox in the last 90 days (forwarded in included), measured as the
 * metrics page measures them. Below five requests nothing is shown.
 */
export async function unitResponseTimes(
  db: Db,
  viewer: Actor,
  unitId: string,
  now: Date,
): Promise<UnitResponseTimesView> {
  authorize(viewer, 'coordination.read', undefined);
  await getUnit(db, unitId);
  const since = new Date(now.getTime() - RESPONSE_TIMES.days * DAY_MS);
  // Every request that stayed in the inbox: an event while there, or the forward that brought it there.
  const stayed = db
    .selectDistinct({ id: coordinationRequestEvents.requestId })
    .from(coordinationRequestEvents)
    .where(
      and(
        gte(coordinationRequestEvents.at, since),
        or(
          eq(coordinationRequestEvents.unitId, unitId),
          sql`${coordinationRequestEvents.data}->>'toUnitId' = ${unitId}`,
        ),
      ),
    );
  const requests = await db
    .select({
      id: coordinationRequests.id,
      urgency: coordinationRequests.urgency,
      slaPolicyVersion: coordinationRequests.slaPolicyVersion,
    })
    .from(coordinationRequests)
    .where(and(gte(coordinationRequests.createdAt, since), inArray(coordinationRequests.id, stayed)));
  const tally = (await tallyByUnit(db, requests, now)).get(unitId);
  const enough = tally !== undefined && tally.received >= RESPONSE_TIMES.minimumRequests;
  const speed = (values: number[]) => {
    const { medianMs, p90Ms } = durations(values);
    return { medianMs, p90Ms };
  };
  return {
    unitId,
    days: RESPONSE_TIMES.days,
    minimumRequests: RESPONSE_TIMES.minimumRequests,
    figures: enough
      ? { received: tally.received, acknowledge: speed(tally.acknowledge), accept: speed(tally.accept) }
      : null,
  };
}
