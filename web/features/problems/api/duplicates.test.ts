import { describe, expect, it } from 'vitest';
import { mayBeOriginal, pastedProblemId } from './duplicates.ts';

const ID = '3f1c2a7e-5b7d-4c1e-9a4b-0d2e6f8a9b10';

describe('the original of a duplicate', () => {
  it('takes a pasted id or a link to a problem page', () => {
    expect(pastedProblemId(ID)).toBe(ID);
    expect(pastedProblemId(`  ${ID.toUpperCase()}\n`)).toBe(ID);
    expect(pastedProblemId(`https://tipnet.example/problems/${ID}`)).toBe(ID);
    expect(pastedProblemId(`https://tipnet.example/problems/${ID}#comments`)).toBe(ID);
    expect(pastedProblemId(`/problems/${ID}?x=1`)).toBe(ID);
  });

  it('treats anything else as words to search for', () => {
    expect(pastedProblemId('ล่ามภาษาเมียนมา')).toBeNull();
    expect(pastedProblemId(`ดูเรื่อง ${ID} ด้วย`)).toBeNull();
    expect(pastedProblemId(`https://tipnet.example/organisations/${ID}`)).toBeNull();
    expect(pastedProblemId(ID.slice(0, 30))).toBeNull();
  });

  it('offers duplicates and withdrawn problems only as not choosable', () => {
    expect(mayBeOriginal('assigned')).toBe(true);
    expect(mayBeOriginal('resolved')).toBe(true);
    expect(mayBeOriginal('duplicate')).toBe(false);
    expect(mayBeOriginal('withdrawn')).toBe(false);
  });
});
