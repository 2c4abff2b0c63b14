import { describe, expect, it } from 'vitest';
import { bodyOf, type Form, responsibleOptions } from './minutes-form.ts';

const TOPIC = '0b7c1f5e-0000-4000-8000-000000000001';
const GONE = '0b7c1f5e-0000-4000-8000-000000000002';
const FISHERIES = '0b7c1f5e-0000-4000-8000-0000000000f1';
const SOMCHAI = '0b7c1f5e-0000-4000-8000-0000000000b1';
const MALI = '0b7c1f5e-0000-4000-8000-0000000000b2';

const form = (patch: Partial<Form> = {}): Form => ({
  summaryTh: '',
  summaryEn: '',
  items: {},
  decisions: [],
  actions: [],
  ...patch,
});

describe('the minutes sent from the editor', () => {
  it('sends every topic of the minutes, with what the draft kept for it', () => {
    const draft = form({ items: { [TOPIC]: { discussed: true, notes: ' ล่ามไม่พอ ' } } });
    expect(bodyOf(draft, 3, [TOPIC]).items).toEqual([
      { agendaItemId: TOPIC, discussed: true, notes: 'ล่ามไม่พอ' },
    ]);
  });

  it('leaves out a topic a draft on the device remembers but the agenda no longer has', () => {
    const draft = form({ items: { [GONE]: { discussed: false, notes: 'old' } } });
    expect(bodyOf(draft, 3, [TOPIC]).items).toEqual([{ agendaItemId: TOPIC, discussed: null, notes: null }]);
  });

  it('sends the responsible person, or the name typed when nobody is picked', () => {
    const action = {
      key: 'k',
      titleTh: 'ตรวจเรือประมง',
      titleEn: '',
      ownerOrganisationId: FISHERIES,
      responsibleName: 'คุณสมชาย',
      dueOn: '',
    };
    const picked = bodyOf(form({ actions: [{ ...action, responsibleUserId: SOMCHAI }] }), 1, []).actions[0];
    expect(picked).toMatchObject({ responsibleUserId: SOMCHAI, responsibleName: null, dueOn: null });
    const typed = bodyOf(form({ actions: [{ ...action, responsibleUserId: null }] }), 1, []).actions[0];
    expect(typed).toMatchObject({ responsibleUserId: null, responsibleName: 'คุณสมชาย' });
  });
});

describe('the responsible-person picker', () => {
  const people = [{ value: SOMCHAI, label: 'สมชาย ใจดี' }];

  it('offers the owner organisation’s people', () => {
    expect(responsibleOptions(people, null)).toEqual(people);
    expect(responsibleOptions(people, { id: SOMCHAI, displayName: 'Somchai' })).toEqual(people);
  });

  it('still names the person saved when the directory no longer lists them', () => {
    expect(responsibleOptions(people, { id: MALI, displayName: 'มาลี' })).toEqual([
      { value: MALI, label: 'มาลี' },
      ...people,
    ]);
  });
});
