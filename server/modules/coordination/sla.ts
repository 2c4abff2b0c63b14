/** Requests' SLA clocks, read from their timelines with the policy version each started with. */
import { asc, inArray } from 'drizzle-orm';
import type { HolidayCalendar } from '../../../common/business-hours.ts';
import {
  type SlaEvent,
  type SlaStatus,
  type SlaTargets,
  slaStatus,
} from '../../../common/coordination-sla.ts';
import type { Urgency } from '../../../common/coordination-states.ts';
import type { Db } from '../../db/client.ts';
import { type CoordinationRequestRow, coordinationRequestEvents } from '../../db/schema/index.ts';
import { holidayCalendar } from './holidays.ts';
import { slaTargetsByVersion } from './sla-settings.service.ts';

/** What the clocks are read against: the target versions and the holiday calendar, read once per call. */
export type SlaSetting = { targets: Map<number, Record<Urgency, SlaTargets>>; holidays: HolidayCalendar };
export const slaSetting = async (db: Db): Promise<SlaSetting> => {
  const [targets, holidays] = await Promise.all([slaTargetsByVersion(db), holidayCalendar(db)]);
  return { targets, holidays };
};

/** The timeline events the clocks read, by request, in order. */
export async function slaEventsOf(db: Db, requestIds: readonly string[]) {
  const byRequest = new Map<string, SlaEvent[]>();
  if (requestIds.length === 0) return byRequest;
  const rows = await db
    .select({
      requestId: coordinationRequestEvents.requestId,
      kind: coordinationRequestEvents.kind,
      at: coordinationRequestEvents.at,
      unitId: coordinationRequestEvents.unitId,
      data: coordinationRequestEvents.data,
    })
    .from(coordinationRequestEvents)
    .where(inArray(coordinationRequestEvents.requestId, [...new Set(requestIds)]))
    .orderBy(asc(coordinationRequestEvents.requestId), asc(coordinationRequestEvents.id));
  for (const { requestId, ...event } of rows) {
    if (event.kind !== 'created' && event.kind !== 'state_changed') continue;
    const list = byRequest.get(requestId) ?? [];
    list.push(event);
    byRequest.set(requestId, list);
  }
  return byRequest;
}

type SlaRow = Pick<CoordinationRequestRow, 'id' | 'urgency' | 'slaPolicyVersion'>;

export const statusOf = (r: SlaRow, events: readonly SlaEvent[], setting: SlaSetting, now: Date): SlaStatus =>
  slaStatus({
    policyVersion: r.slaPolicyVersion,
    targets: (setting.targets.get(r.slaPolicyVersion) ?? setting.targets.get(1)!)[r.urgency],
    events,
    now,
    holidays: setting.holidays,
  });

/** The clocks of each request now. */
export async function slaStatuses(db: Db, rows: readonly SlaRow[], now: Date) {
  const [setting, events] = await Promise.all([
    slaSetting(db),
    slaEventsOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return new Map(rows.map((r) => [r.id, statusOf(r, events.get(r.id) ?? [], setting, now)]));
}
