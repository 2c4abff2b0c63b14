import { describe, expect, it } from 'vitest';
import { agendaItemForm, agendaItemPatch } from './agenda-form.ts';

const FISHERIES = {
  id: '0b7c1f5e-0000-4000-8000-0000000000f1',
  nameTh: 'กรมประมง',
  nameEn: 'Department of Fisheries',
  abbreviation: null,
  abbreviationEn: null,
  sector: 'government' as const,
};
const PROBLEM = {
  id: '0b7c1f5e-0000-4000-8000-0000000000a1',
  title: 'ล่ามภาษาเมียนมาไม่พอ',
  state: 'assigned' as const,
};
const OTHER = '0b7c1f5e-0000-4000-8000-0000000000a2';

const item = {
  id: '0b7c1f5e-0000-4000-8000-000000000001',
  parentId: null,
  position: 0,
  titleTh: 'ปัญหาล่ามในศูนย์ PIPO',
  titleEn: 'Interpreters at PIPO centres',
  startsAt: '2026-12-10T02:30:00.000Z',
  durationMinutes: 30,
  presentingOrganisation: FISHERIES,
  recurring: false,
  origin: 'manual',
  problems: [PROBLEM],
} satisfies Parameters<typeof agendaItemForm>[0];

describe('editing an agenda item', () => {
  it('opens with the item as it is, its time in Bangkok', () => {
    expect(agendaItemForm(item)).toEqual({
      titleTh: 'ปัญหาล่ามในศูนย์ PIPO',
      titleEn: 'Interpreters at PIPO centres',
      startsAt: '2026-12-10T09:30',
      durationMinutes: 30,
      presentingOrganisationId: FISHERIES.id,
      problemIds: [PROBLEM.id],
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(agendaItemPatch(item, agendaItemForm(item))).toEqual({});
  });

  it('sends only the fields the Centre changed', () => {
    const form = {
      ...agendaItemForm(item),
      titleTh: '  ล่ามในศูนย์ PIPO 22 แห่ง ',
      startsAt: '2026-12-10T10:00',
    };
    expect(agendaItemPatch(item, form)).toEqual({
      titleTh: 'ล่ามในศูนย์ PIPO 22 แห่ง',
      startsAt: '2026-12-10T10:00:00+07:00',
    });
  });

  it('clears the time, duration and presenter, and replaces the linked problems', () => {
    const form = {
      ...agendaItemForm(item),
      startsAt: '',
      durationMinutes: '',
      presentingOrganisationId: '',
      problemIds: [OTHER, OTHER],
    };
    expect(agendaItemPatch(item, form)).toEqual({
      startsAt: null,
      durationMinutes: null,
      presentingOrganisationId: null,
      problemIds: [OTHER],
    });
    expect(agendaItemPatch(item, { ...agendaItemForm(item), problemIds: [] })).toEqual({ problemIds: [] });
  });

  it('gives an English title left empty the Thai one, as adding does', () => {
    expect(agendaItemPatch(item, { ...agendaItemForm(item), titleEn: '  ' })).toEqual({
      titleEn: 'ปัญหาล่ามในศูนย์ PIPO',
    });
  });
});
