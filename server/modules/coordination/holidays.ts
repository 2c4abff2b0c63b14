/** The public-holiday calendar the business clock skips: read by the SLA clocks, escalation and metrics. */
import type { HolidayCalendar } from '../../../common/business-hours.ts';
import type { Db } from '../../db/client.ts';
import { coordinationHolidays } from '../../db/schema/index.ts';

/** Every holiday the Centre keeps (a few dozen rows a year: read whole, no cache needed). */
export async function holidayCalendar(db: Db): Promise<HolidayCalendar> {
  const rows = await db.select({ day: coordinationHolidays.day }).from(coordinationHolidays);
  return new Set(rows.map((r) => r.day));
}
