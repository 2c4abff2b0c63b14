import { describe, expect, it } from 'vitest';
import type { PersonView } from '../../common/directory-api.ts';
import { personOptions, withAccounts } from './people.ts';

const FISHERIES = {
  id: '0b7c1f5e-0000-4000-8000-0000000000f1',
  nameTh: 'กรมประมง',
  nameEn: 'Department of Fisheries',
  abbreviation: null,
  abbreviationEn: null,
  sector: 'government' as const,
};

const person = (id: string, userId: string | null, nameTh: string, nameEn: string | null) =>
  ({ id, userId, nameTh, nameEn, position: null, organisation: FISHERIES }) as unknown as PersonView;

describe('people for pickers', () => {
  const people = [
    person('p1', 'u1', 'สมชาย ใจดี', 'Somchai Jaidee'),
    person('p2', null, 'ไม่มีบัญชี', null),
    person('p3', 'u3', 'กมล ศรีสุข', null),
    person('p4', 'u1', 'สมชาย ใจดี (ซ้ำ)', null),
  ];

  it('keeps only people who can sign in, each account once', () => {
    expect(withAccounts(people).map((p) => p.userId)).toEqual(['u1', 'u3']);
  });

  it('names them in the reader’s language, Thai when there is no English, in dictionary order', () => {
    expect(personOptions(withAccounts(people), 'th', false)).toEqual([
      { value: 'u3', label: 'กมล ศรีสุข' },
      { value: 'u1', label: 'สมชาย ใจดี' },
    ]);
    expect(personOptions(withAccounts(people), 'en', true)).toEqual([
      { value: 'u1', label: 'Somchai Jaidee · Department of Fisheries' },
      { value: 'u3', label: 'กมล ศรีสุข · Department of Fisheries' },
    ]);
  });
});
