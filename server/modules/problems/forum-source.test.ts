import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventState } from '../../../common/forum-states.ts';
import { forumAgendaItems, forumEvents, LETS_TALK_TIP_SERIES_ID, problems } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let member: Awaited<ReturnType<TestApp['signedIn']>>;
let admin: Awaited<ReturnType<TestApp['signedIn']>>;
let eventNumber = 40;

beforeAll(async () => {
  t = await buildTestApp();
  member = await t.signedIn({ role: 'member' });
  admin = await t.signedIn({ role: 'admin' });
});
afterAll(() => t.close());

/** A forum event and one agenda item, straight in the tables (the forums module owns their services). */
async function forum(state: EventState = 'published') {
  const now = t.clock.now();
  const number = ++eventNumber;
  const id = randomUUID();
  await t.db.insert(forumEvents).values({
    id,
    seriesId: LETS_TALK_TIP_SERIES_ID,
    number,
    titleTh: `Let's Talk TIP ครั้งที่ ${number}`,
    titleEn: `Let's Talk TIP #${number}`,
    format: 'in_person',
    state,
    startsAt: now,
    endsAt: new Date(now.getTime() + 3 * 3600_000),
    capacity: 80,
    privacyNoticeVersion: '2026-01',
    createdAt: now,
    updatedAt: now,
  });
  const itemId = randomUUID();
  await t.db.insert(forumAgendaItems).values({
    id: itemId,
    eventId: id,
    position: 1,
    titleTh: 'ปัญหาล่ามในการคัดแยกผู้เสียหาย',
    titleEn: 'Interpreters for victim identification',
    createdAt: now,
  });
  return { id, number, itemId };
}

const raise = (extra: Record<string, unknown>, cookie = member.cookie) =>
  t.request('POST', '/api/v1/problems', {
    cookie,
    body: {
      type: 'problem',
      title: 'ไม่มีล่ามภาษาเมียนมาที่ท่าเรือ',
      body: 'ยกขึ้นระหว่างเวทีพูดคุย',
      category: 'victim_identification',
      ...extra,
    },
  });

describe('a problem raised from the floor of a forum', () => {
  it('links the problem to the event and its agenda item, and the problem page shows "raised at #N"', async () => {
    const event = await forum();
    const res = await raise({ sourceEventId: event.id, sourceAgendaItemId: event.itemId });
    expect(res.status).toBe(201);
    expect(res.body.source).toBe(`Let's Talk TIP ครั้งที่ ${event.number}`);
    const [row] = await t.db.select().from(problems).where(eq(problems.id, res.body.id));
    expect(row).toMatchObject({ sourceEventId: event.id, sourceAgendaItemId: event.itemId });
    const other = await t.signedIn({ role: 'observer' });
    const page = await t.request('GET', `/api/v1/problems/${res.body.id}`, { cookie: other.cookie });
    expect(page.body.sourceEvent).toEqual({
      id: event.id,
      number: event.number,
      titleTh: `Let's Talk TIP ครั้งที่ ${event.number}`,
      titleEn: `Let's Talk TIP #${event.number}`,
      agendaItem: {
        id: event.itemId,
        titleTh: 'ปัญหาล่ามในการคัดแยกผู้เสียหาย',
        titleEn: 'Interpreters for victim identification',
      },
    });
  });

  it('keeps a written source as it was and leaves problems without a forum unlinked', async () => {
    const event = await forum();
    const linked = await raise({ sourceEventId: event.id, source: 'เวทีย่อยภาคใต้' });
    expect(linked.body).toMatchObject({ source: 'เวทีย่อยภาคใต้', sourceEvent: { id: event.id } });
    const plain = await raise({});
    expect(plain.body).toMatchObject({ source: null, sourceEvent: null });
  });

  it('refuses an unknown event, a draft one (to members) and an agenda item of another event, writing nothing', async () => {
    const event = await forum();
    const other = await forum();
    const draft = await forum('draft');
    const count = async () => (await t.db.select({ id: problems.id }).from(problems)).length;
    const before = await count();
    expect((await raise({ sourceEventId: randomUUID() })).body.error.code).toBe('SOURCE_EVENT_UNKNOWN');
    expect((await raise({ sourceEventId: draft.id })).body.error.code).toBe('SOURCE_EVENT_UNKNOWN');
    const mismatch = await raise({ sourceEventId: event.id, sourceAgendaItemId: other.itemId });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.code).toBe('SOURCE_AGENDA_ITEM_MISMATCH');
    const orphan = await raise({ sourceAgendaItemId: event.itemId });
    expect(orphan.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('shows the link only to those who may see the event: a draft forum stays the Centre’s', async () => {
    const draft = await forum('draft');
    const res = await raise({ sourceEventId: draft.id }, admin.cookie);
    expect(res.status).toBe(201);
    expect(res.body.sourceEvent).toMatchObject({ id: draft.id });
    const seen = await t.request('GET', `/api/v1/problems/${res.body.id}`, { cookie: member.cookie });
    expect(seen.status).toBe(200);
    expect(seen.body.sourceEvent).toBeNull();
  });
});
