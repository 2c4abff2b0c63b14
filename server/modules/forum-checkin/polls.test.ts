import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, forumPollVotes } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { buildAgendaItem, buildForumEvent, buildRegistration } from './forum-checkin.factories.ts';

let t: TestApp;
let chair: Awaited<ReturnType<TestApp['signedIn']>>;

beforeAll(async () => {
  t = await buildTestApp();
  chair = await t.signedIn({ role: 'admin' });
});
afterAll(() => t.close());

async function attendeeOf(eventId: string, role: 'member' | 'observer' = 'member') {
  const person = await t.signedIn({ role });
  await buildRegistration(t.db, { eventId, userId: person.user.id });
  return person;
}

const QUESTION = {
  questionTh: 'ควรจัดเวทีครั้งต่อไปที่ใด',
  questionEn: 'Where should the next forum be held?',
  kind: 'single',
  options: [
    { th: 'กรุงเทพฯ', en: 'Bangkok' },
    { th: 'สงขลา', en: 'Songkhla' },
    { th: 'ระนอง', en: 'Ranong' },
  ],
};

async function openPoll(eventId: string, body: Record<string, unknown> = QUESTION) {
  const created = await t.request('POST', `/api/v1/forums/events/${eventId}/polls`, {
    cookie: chair.cookie,
    body,
  });
  expect(created.status).toBe(201);
  const opened = await t.request('POST', `/api/v1/forums/polls/${created.body.id}/open`, {
    cookie: chair.cookie,
  });
  expect(opened.status).toBe(200);
  return opened.body;
}

const vote = (pollId: string, cookie: string, optionIds: string[]) =>
  t.request('POST', `/api/v1/forums/polls/${pollId}/votes`, { cookie, body: { optionIds } });
const list = (eventId: string, cookie: string) =>
  t.request('GET', `/api/v1/forums/events/${eventId}/polls`, { cookie });

describe('a poll in the room', () => {
  it('hides the counts while open, keeps one vote per registration, and shows them once closed', async () => {
    const event = await buildForumEvent(t.db);
    const [a, b, c] = [await attendeeOf(event.id), await attendeeOf(event.id), await attendeeOf(event.id)];
    const poll = await openPoll(event.id);
    expect((await vote(poll.id, a.cookie, ['o1'])).status).toBe(200);
    expect((await vote(poll.id, b.cookie, ['o2'])).status).toBe(200);
    const changed = await vote(poll.id, b.cookie, ['o1']);
    expect(changed.body).toMatchObject({ myVote: ['o1'], totalVotes: 2, results: null });
    await vote(poll.id, c.cookie, ['o3']);
    const during = (await list(event.id, chair.cookie)).body.items[0];
    expect(during).toMatchObject({ state: 'open', totalVotes: 3, results: null });
    expect(await t.db.select().from(forumPollVotes).where(eq(forumPollVotes.pollId, poll.id))).toHaveLength(
      3,
    );

    expect(
      (await t.request('POST', `/api/v1/forums/polls/${poll.id}/close`, { cookie: chair.cookie })).status,
    ).toBe(200);
    const after = (await list(event.id, a.cookie)).body.items[0];
    expect(after.results).toEqual([
      { optionId: 'o1', votes: 2 },
      { optionId: 'o2', votes: 0 },
      { optionId: 'o3', votes: 1 },
    ]);
    expect(after.myVote).toEqual(['o1']);

    const late = await vote(poll.id, c.cookie, ['o1']);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('POLL_CLOSED');
  });

  it('takes several options in a multiple-choice poll and exactly one in a single-choice one', async () => {
    const event = await buildForumEvent(t.db);
    const voter = await attendeeOf(event.id);
    const single = await openPoll(event.id);
    const two = await vote(single.id, voter.cookie, ['o1', 'o2']);
    expect(two.status).toBe(422);
    expect(two.body.error.code).toBe('INVALID_CHOICE');
    expect((await vote(single.id, voter.cookie, ['o9'])).status).toBe(422);
    const multiple = await openPoll(event.id, { ...QUESTION, kind: 'multiple' });
    expect((await vote(multiple.id, voter.cookie, ['o1', 'o3'])).body.myVote).toEqual(['o1', 'o3']);
  });

  it('lets only confirmed registrants who contribute vote; observers and others read or are refused', async () => {
    const event = await buildForumEvent(t.db);
    const poll = await openPoll(event.id);
    const stranger = await t.signedIn({ role: 'member' });
    expect((await vote(poll.id, stranger.cookie, ['o1'])).status).toBe(403);
    expect((await list(event.id, stranger.cookie)).status).toBe(403);
    const waitlisted = await t.signedIn({ role: 'member' });
    await buildRegistration(t.db, { eventId: event.id, userId: waitlisted.user.id, state: 'waitlisted' });
    expect((await vote(poll.id, waitlisted.cookie, ['o1'])).status).toBe(403);
    const observer = await attendeeOf(event.id, 'observer');
    expect((await list(event.id, observer.cookie)).body).toMatchObject({ mayVote: false, mayManage: false });
    expect((await vote(poll.id, observer.cookie, ['o1'])).status).toBe(403);
    expect(await t.db.select().from(forumPollVotes).where(eq(forumPollVotes.pollId, poll.id))).toHaveLength(
      0,
    );
  });

  it('keeps a draft poll to the chair, refuses votes on it and refuses opening it twice', async () => {
    const event = await buildForumEvent(t.db);
    const voter = await attendeeOf(event.id);
    const draft = await t.request('POST', `/api/v1/forums/events/${event.id}/polls`, {
      cookie: chair.cookie,
      body: QUESTION,
    });
    expect((await list(event.id, voter.cookie)).body.items).toEqual([]);
    expect((await vote(draft.body.id, voter.cookie, ['o1'])).body.error.code).toBe('POLL_NOT_OPEN');
    await t.request('POST', `/api/v1/forums/polls/${draft.body.id}/open`, { cookie: chair.cookie });
    const twice = await t.request('POST', `/api/v1/forums/polls/${draft.body.id}/open`, {
      cookie: chair.cookie,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'POLL_STATE', details: { state: 'open' } });
  });

  it('ties a poll to an agenda item of its own event only', async () => {
    const event = await buildForumEvent(t.db);
    const other = await buildForumEvent(t.db);
    const own = await buildAgendaItem(t.db, event.id);
    const foreign = await buildAgendaItem(t.db, other.id);
    const ok = await t.request('POST', `/api/v1/forums/events/${event.id}/polls`, {
      cookie: chair.cookie,
      body: { ...QUESTION, agendaItemId: own.id },
    });
    expect(ok.body.agendaItemId).toBe(own.id);
    const bad = await t.request('POST', `/api/v1/forums/events/${event.id}/polls`, {
      cookie: chair.cookie,
      body: { ...QUESTION, agendaItemId: foreign.id },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('AGENDA_ITEM_NOT_IN_EVENT');
  });

  it('audits that someone voted, never what they chose (the chair reads the audit log)', async () => {
    const event = await buildForumEvent(t.db);
    const voter = await attendeeOf(event.id);
    const poll = await openPoll(event.id);
    await vote(poll.id, voter.cookie, ['o2']);
    const [event1] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'forum_checkin.voted'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event1).toMatchObject({
      entityId: poll.id,
      actorUserId: voter.user.id,
      changes: { changed: false },
    });
    expect(JSON.stringify(event1!.changes)).not.toContain('o2');
  });
});
