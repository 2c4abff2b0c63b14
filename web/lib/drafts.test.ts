import { describe, expect, it } from 'vitest';
import { DRAFT_MAX_AGE_MS, draftStore } from './drafts.ts';

/** The browser's Storage interface over a Map, as localStorage behaves. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

const SOMCHAI = '0b7c1f5e-0000-4000-8000-000000000001';
const MALI = '0b7c1f5e-0000-4000-8000-000000000002';

describe('drafts of long forms', () => {
  it('gives back what a user typed, for that user and form only', () => {
    const storage = new MemoryStorage();
    draftStore.save(storage, SOMCHAI, 'comment.p1', 'เรือประมงลำนี้ไม่มีเอกสาร');
    draftStore.save(storage, SOMCHAI, 'raise', { title: 'แรงงานถูกยึดเอกสาร', body: 'รายละเอียด' });

    expect(draftStore.load(storage, SOMCHAI, 'comment.p1')).toBe('เรือประมงลำนี้ไม่มีเอกสาร');
    expect(draftStore.load(storage, SOMCHAI, 'raise')).toEqual({
      title: 'แรงงานถูกยึดเอกสาร',
      body: 'รายละเอียด',
    });
    expect(draftStore.load(storage, SOMCHAI, 'comment.p2')).toBeNull();
    expect(draftStore.load(storage, MALI, 'comment.p1')).toBeNull();
  });

  it('forgets a draft once it is sent', () => {
    const storage = new MemoryStorage();
    draftStore.save(storage, SOMCHAI, 'answer.p1', { bodyTh: 'คำตอบ' });
    draftStore.remove(storage, SOMCHAI, 'answer.p1');
    expect(draftStore.load(storage, SOMCHAI, 'answer.p1')).toBeNull();
  });

  it("clears every draft of a user who signs out, and no one else's", () => {
    const storage = new MemoryStorage();
    draftStore.save(storage, SOMCHAI, 'comment.p1', 'หนึ่ง');
    draftStore.save(storage, SOMCHAI, 'raise', { title: 'สอง' });
    draftStore.save(storage, MALI, 'comment.p1', 'ของมะลิ');
    storage.setItem('tipnet.language', 'th');

    draftStore.clearUser(storage, SOMCHAI);

    expect(draftStore.load(storage, SOMCHAI, 'comment.p1')).toBeNull();
    expect(draftStore.load(storage, SOMCHAI, 'raise')).toBeNull();
    expect(draftStore.load(storage, MALI, 'comment.p1')).toBe('ของมะลิ');
    expect(storage.getItem('tipnet.language')).toBe('th');
  });

  it('drops a draft older than a week instead of restoring it', () => {
    const storage = new MemoryStorage();
    const savedAt = Date.parse('2026-12-01T08:00:00Z');
    draftStore.save(storage, SOMCHAI, 'comment.p1', 'เก่า', savedAt);
    expect(draftStore.load(storage, SOMCHAI, 'comment.p1', savedAt + DRAFT_MAX_AGE_MS - 1)).toBe('เก่า');
    expect(draftStore.load(storage, SOMCHAI, 'comment.p1', savedAt + DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('treats a damaged entry as no draft rather than breaking the form', () => {
    const storage = new MemoryStorage();
    storage.setItem(`tipnet.draft.${SOMCHAI}.raise`, '{not json');
    expect(draftStore.load(storage, SOMCHAI, 'raise')).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('keeps the form working when the device refuses to store', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => draftStore.save(full, SOMCHAI, 'raise', { title: 'x' })).not.toThrow();
  });
});
