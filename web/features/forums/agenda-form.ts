/**
 * Editing one agenda item: the form it opens with, and the PATCH that sends only what changed, so an item
 * carried over from an earlier forum keeps everything the Centre did not touch.
 */
import type { AgendaItemView } from './api/forums.ts';

type Item = Omit<AgendaItemView, 'children'>;

export type AgendaItemForm = {
  titleTh: string;
  titleEn: string;
  /** datetime-local value in Bangkok time, '' for none. */
  startsAt: string;
  durationMinutes: number | string;
  presentingOrganisationId: string;
  problemIds: string[];
};

/** An ISO instant as a datetime-local value in Bangkok time (UTC+7, no daylight saving). */
export const toBangkokInput = (iso: string) =>
  new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
/** A datetime-local value, read as Bangkok time, as the API's ISO timestamp with offset. */
export const fromBangkokInput = (value: string) => (value ? `${value}:00+07:00` : '');

export function agendaItemForm(item: Item): AgendaItemForm {
  return {
    titleTh: item.titleTh,
    titleEn: item.titleEn,
    startsAt: item.startsAt ? toBangkokInput(item.startsAt) : '',
    durationMinutes: item.durationMinutes ?? '',
    presentingOrganisationId: item.presentingOrganisation?.id ?? '',
    problemIds: item.problems.map((p) => p.id),
  };
}

export type AgendaItemPatch = {
  titleTh?: string;
  titleEn?: string;
  startsAt?: string | null;
  durationMinutes?: number | null;
  presentingOrganisationId?: string | null;
  problemIds?: string[];
};

/** The fields that differ from the item as it was; an English title left empty takes the Thai one. */
export function agendaItemPatch(item: Item, form: AgendaItemForm): AgendaItemPatch {
  const before = agendaItemForm(item);
  const patch: AgendaItemPatch = {};
  const titleTh = form.titleTh.trim();
  const titleEn = form.titleEn.trim() || titleTh;
  if (titleTh !== before.titleTh) patch.titleTh = titleTh;
  if (titleEn !== before.titleEn) patch.titleEn = titleEn;
  if (form.startsAt !== before.startsAt)
    patch.startsAt = form.startsAt ? fromBangkokInput(form.startsAt) : null;
  const duration = typeof form.durationMinutes === 'number' ? form.durationMinutes : null;
  if (duration !== item.durationMinutes) patch.durationMinutes = duration;
  if (form.presentingOrganisationId !== before.presentingOrganisationId)
    patch.presentingOrganisationId = form.presentingOrganisationId || null;
  const problems = [...new Set(form.problemIds)];
  if (problems.length !== before.problemIds.length || problems.some((id) => !before.problemIds.includes(id)))
    patch.problemIds = problems;
  return patch;
}
