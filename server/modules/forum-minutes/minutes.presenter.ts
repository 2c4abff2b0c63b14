/** Pure functions from rows to the views the contract declares. */

import { daysOverdue } from '../../../common/forum-actions.ts';
import type { ActionView, MinutesContent, MinutesEventView } from '../../../common/forum-minutes-api.ts';
import type { ActionStatus, AgendaOrigin } from '../../../common/forum-states.ts';
import type { Sector } from '../../../common/taxonomies.ts';
import { type OrganisationSummaryRow, presentOrganisation } from '../../platform/projections.ts';
import type { ActionRow, HistoryRow } from './minutes.queries.ts';

export const presentEvent = (e: {
  id: string;
  number: number;
  titleTh: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
}): MinutesEventView => ({
  id: e.id,
  number: e.number,
  titleTh: e.titleTh,
  titleEn: e.titleEn,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
});

export const presentAction = (a: ActionRow, today: string): ActionView => ({
  id: a.id,
  eventId: a.eventId,
  agendaItemId: a.agendaItemId,
  titleTh: a.titleTh,
  titleEn: a.titleEn,
  owner: presentOrganisation(a.owner),
  responsibleUser: a.responsibleUser,
  responsibleName: a.responsibleName,
  dueOn: a.dueOn,
  status: a.status,
  daysOverdue: daysOverdue(a.dueOn, a.status, today),
});

export const presentHistory = (h: HistoryRow) => ({
  id: h.id,
  at: h.at.toISOString(),
  actor: h.actor,
  fromStatus: h.fromStatus as ActionStatus | null,
  toStatus: h.toStatus as ActionStatus | null,
  note: h.note,
});

type AttendanceRow = { organisation: OrganisationSummaryRow | null; sector: Sector | null; count: number };

export function presentAttendance(rows: AttendanceRow[]): MinutesContent['attendance'] {
  const bySector = new Map<Sector, number>();
  const byOrganisation = new Map<string, { organisation: OrganisationSummaryRow; count: number }>();
  let total = 0;
  for (const r of rows) {
    total += r.count;
    const sector = r.sector ?? r.organisation?.sector ?? null;
    if (sector) bySector.set(sector, (bySector.get(sector) ?? 0) + r.count);
    if (r.organisation) {
      const seen = byOrganisation.get(r.organisation.id);
      byOrganisation.set(r.organisation.id, {
        organisation: r.organisation,
        count: (seen?.count ?? 0) + r.count,
      });
    }
  }
  return {
    total,
    bySector: [...bySector].map(([sector, count]) => ({ sector, count })).sort((a, b) => b.count - a.count),
    organisations: [...byOrganisation.values()]
      .sort((a, b) => b.count - a.count || a.organisation.nameTh.localeCompare(b.organisation.nameTh, 'th'))
      .map((o) => ({ organisation: presentOrganisation(o.organisation), count: o.count })),
  };
}

export const presentItem = (i: {
  id: string;
  parentId: string | null;
  position: number;
  titleTh: string;
  titleEn: string;
  recurring: boolean;
  origin: AgendaOrigin;
  discussed: boolean | null;
  notes: string | null;
}) => ({ ...i });
