/**
 * PROVISIONAL (branch wip-oncall): wip-sla writes the real calendar the Centre edits. This stand-in has the
 * agreed signature and an empty holiday set; the lead keeps wip-sla's version at merge.
 */
import type { HolidayCalendar } from '../../../common/business-hours.ts';
import type { Db } from '../../db/client.ts';

export async function holidayCalendar(_db: Db): Promise<HolidayCalendar> {
  return new Set<string>();
}
