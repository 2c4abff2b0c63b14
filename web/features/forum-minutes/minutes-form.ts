/**
 * The minutes editor's form: opened from the minutes as saved, kept as a draft on the device while typed,
 * and sent back as one document with the revision it was made on.
 */
import type { MinutesView, SaveMinutesBody } from './api/forum-minutes.ts';

export type Decision = SaveMinutesBody['decisions'][number] & { key: string };
export type Action = { key: string } & Omit<
  SaveMinutesBody['actions'][number],
  'titleEn' | 'responsibleName' | 'dueOn'
> & {
    titleEn: string;
    responsibleName: string;
    dueOn: string;
  };
export type Form = {
  summaryTh: string;
  summaryEn: string;
  items: Record<string, { discussed: boolean | null; notes: string }>;
  decisions: Decision[];
  actions: Action[];
};

export const newKey = () => Math.random().toString(36).slice(2);

export function formOf(m: MinutesView): Form {
  return {
    summaryTh: m.summaryTh ?? '',
    summaryEn: m.summaryEn ?? '',
    items: Object.fromEntries(m.items.map((i) => [i.id, { discussed: i.discussed, notes: i.notes ?? '' }])),
    decisions: m.decisions.map((d) => ({ ...d, key: d.id, textEn: d.textEn ?? '' })),
    actions: m.actions.map((a) => ({
      key: a.id,
      id: a.id,
      agendaItemId: a.agendaItemId,
      titleTh: a.titleTh,
      titleEn: a.titleEn ?? '',
      ownerOrganisationId: a.owner.id,
      responsibleUserId: a.responsibleUser?.id ?? null,
      responsibleName: a.responsibleName ?? '',
      dueOn: a.dueOn ?? '',
    })),
  };
}

export const NO_NOTES = { discussed: null, notes: '' };

/** `agendaItemIds`: the minutes' topics now; a draft kept on the device may remember others. */
export function bodyOf(form: Form, revision: number, agendaItemIds: string[]): SaveMinutesBody {
  return {
    revision,
    summaryTh: form.summaryTh.trim() || null,
    summaryEn: form.summaryEn.trim() || null,
    items: agendaItemIds
      .map((agendaItemId) => [agendaItemId, form.items[agendaItemId] ?? NO_NOTES] as const)
      .map(([agendaItemId, i]) => ({
        agendaItemId,
        discussed: i.discussed,
        notes: i.notes.trim() || null,
      })),
    decisions: form.decisions.map(({ key: _key, ...d }) => ({ ...d, textEn: d.textEn?.trim() || null })),
    actions: form.actions.map(({ key: _key, ...a }) => ({
      ...a,
      titleEn: a.titleEn.trim() || null,
      responsibleName: a.responsibleUserId ? null : a.responsibleName.trim() || null,
      dueOn: a.dueOn || null,
    })),
  };
}

type Option = { value: string; label: string };
/**
 * The responsible-person picker's options: the owner organisation's people with an account, plus the one
 * already chosen when the directory no longer lists them (moved on, or not yet in the directory), so the
 * saved choice still shows by name rather than as an id.
 */
export function responsibleOptions(people: Option[], chosen: { id: string; displayName: string } | null) {
  if (!chosen || people.some((p) => p.value === chosen.id)) return people;
  return [{ value: chosen.id, label: chosen.displayName }, ...people];
}
