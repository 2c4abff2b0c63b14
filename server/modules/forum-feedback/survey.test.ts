import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../common/time.ts';
import {
  auditEvents,
  type ForumEventRow,
  forumSurveyResponses,
  forumSurveySubmissions,
  forumSurveys,
  outboxEmails,
} from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { attend, buildForumEvent } from './forum-feedback.factories.ts';
import { sendSurveyInvitations } from './survey.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Person = Awaited<ReturnType<TestApp['signedIn']>>;
const surveyUrl = (e: { id: string }) => `/api/v1/forum-feedback/events/${e.id}/survey`;

/** A forum that ended `hoursAgo` hours ago on the test clock. */
const forumEnded = (hoursAgo: number, overrides: Partial<ForumEventRow> = {}) => {
  const endsAt = new Date(t.clock.now().getTime() - hoursAgo * HOUR_MS);
  return buildForumEvent(t.db, { startsAt: new Date(endsAt.getTime() - 3 * HOUR_MS), endsAt, ...overrides });
};

async function attendees(event: ForumEventRow, n: number, organisationId?: string) {
  const org = organisationId ?? (await t.buildOrganisation()).id;
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const p = await t.signedIn({ role: 'member', organisationId: org });
    await attend(t.db, event, p.user);
    people.push(p);
  }
  return people;
}

const answer = (event: ForumEventRow, p: Person, answers: Record<string, string | number>) =>
  t.request('POST', `${surveyUrl(event)}/answers`, { cookie: p.cookie, body: { answers } });

describe('the survey’s life', () => {
  it('opens an hour after the end, for seven days, with the default questions', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const event = await forumEnded(0.5);
    const before = await t.request('GET', surveyUrl(event), { cookie: admin.cookie });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ phase: 'scheduled', mayEdit: true, mayAnswer: false });
    expect(before.body.questions.map((q: { id: string }) => q.id)).toEqual([
      'overall',
      'useful',
      'again',
      'comments',
    ]);
    expect(new Date(before.body.opensAt).getTime()).toBe(event.endsAt.getTime() + 60 * MINUTE_MS);
    expect(new Date(before.body.closesAt).getTime()).toBe(
      event.endsAt.getTime() + 60 * MINUTE_MS + 7 * DAY_MS,
    );
  });

  it('lets the Centre change the questions before it opens, never after', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const upcoming = await forumEnded(-24);
    const questions = [
      { id: 'overall', kind: 'rating', th: 'ภาพรวม', en: 'Overall' },
      { id: 'venue', kind: 'text', th: 'สถานที่', en: 'The venue' },
    ];
    const edited = await t.request('PUT', surveyUrl(upcoming), { cookie: admin.cookie, body: { questions } });
    expect(edited.status).toBe(200);
    expect(edited.body.questions).toEqual(questions);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'forum_feedback.survey_updated'), eq(auditEvents.entityId, upcoming.id)),
      );
    expect(audit?.actorUserId).toBe(admin.user.id);

    const open = await forumEnded(2);
    const refused = await t.request('PUT', surveyUrl(open), { cookie: admin.cookie, body: { questions } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SURVEY_ALREADY_OPEN');
    expect(await t.db.select().from(forumSurveys).where(eq(forumSurveys.eventId, open.id))).toHaveLength(0);
  });

  it('refuses questions that do not fit, and anyone but the Centre, changing nothing', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const upcoming = await forumEnded(-24);
    const [member] = await attendees(upcoming, 1);
    const put = (cookie: string, questions: unknown) =>
      t.request('PUT', surveyUrl(upcoming), { cookie, body: { questions } });
    const oneOption = [
      {
        id: 'sector',
        kind: 'single',
        th: 'ภาค',
        en: 'Sector',
        options: [{ id: 'a', th: 'รัฐ', en: 'State' }],
      },
    ];
    for (const bad of [
      oneOption,
      [],
      [{ id: 'Bad Id', kind: 'rating', th: 'ภาพรวม', en: 'Overall' }],
      [{ id: 'overall', kind: 'rating', th: '   ', en: 'Overall' }],
      [
        { id: 'overall', kind: 'rating', th: 'ก', en: 'a' },
        { id: 'overall', kind: 'text', th: 'ข', en: 'b' },
      ],
    ]) {
      const refused = await put(admin.cookie, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    const byMember = await put(member!.cookie, [{ id: 'overall', kind: 'rating', th: 'ก', en: 'a' }]);
    expect([403, 404]).toContain(byMember.status);
    expect(await t.db.select().from(forumSurveys).where(eq(forumSurveys.eventId, upcoming.id))).toHaveLength(
      0,
    );
  });

  it('takes one answer per attendee while open, refuses non-attendees and answers that do not fit', async () => {
    const event = await forumEnded(2);
    const [ana] = await attendees(event, 1);
    const outsider = await t.signedIn({ role: 'member' });

    expect((await answer(event, outsider, { overall: 5 })).status).toBe(404);
    expect((await answer(event, ana!, { overall: 9 })).status).toBe(400);
    expect((await answer(event, ana!, { useful: 'maybe' })).status).toBe(400);
    expect((await answer(event, ana!, { nonsense: 'x' })).status).toBe(400);
    expect((await answer(event, ana!, { comments: '   ' })).status).toBe(400);

    const first = await answer(event, ana!, { overall: 4, useful: 'very', comments: 'ขอบคุณ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ answered: true, mayAnswer: false, results: null });
    const again = await answer(event, ana!, { overall: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_ANSWERED');
    expect(
      await t.db.select().from(forumSurveyResponses).where(eq(forumSurveyResponses.eventId, event.id)),
    ).toHaveLength(1);

    const late = await forumEnded(8 * 24);
    const [latecomer] = await attendees(late, 1);
    const closed = await answer(late, latecomer!, { overall: 3 });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('SURVEY_NOT_OPEN');
  });

  it('records the same answer twice sent at once only once', async () => {
    const event = await forumEnded(2);
    const [ana] = await attendees(event, 1);
    const results = await Promise.all([
      answer(event, ana!, { overall: 5 }),
      answer(event, ana!, { overall: 5 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(
      await t.db.select().from(forumSurveyResponses).where(eq(forumSurveyResponses.eventId, event.id)),
    ).toHaveLength(1);
  });
});

describe('anonymity of the answers', () => {
  it('keeps no person and no time finer than the day with an answer, and audits it without an actor', async () => {
    const event = await forumEnded(2);
    const [ana] = await attendees(event, 1);
    await answer(event, ana!, { overall: 2, comments: 'ห้องเย็นเกินไป' });
    const [row] = await t.db
      .select()
      .from(forumSurveyResponses)
      .where(eq(forumSurveyResponses.eventId, event.id));
    expect(Object.keys(row!).sort()).toEqual(['answers', 'eventId', 'id', 'submittedOn']);
    expect(row!.submittedOn).toBe('2026-11-26');
    expect(JSON.stringify(row)).not.toContain(ana!.user.id);
    // Who answered is known (to refuse a second answer), but nothing joins it to what.
    const [submission] = await t.db
      .select()
      .from(forumSurveySubmissions)
      .where(eq(forumSurveySubmissions.eventId, event.id));
    expect(Object.keys(submission!).sort()).toEqual(['eventId', 'userId']);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'forum_feedback.survey_answered'), eq(auditEvents.entityId, event.id)),
      );
    expect(audit).toMatchObject({ actorUserId: null, actorOrganisationId: null, ip: null, userAgent: null });
    expect(JSON.stringify(audit!.changes)).not.toContain('ห้องเย็น');
  });

  it('withholds every question below 5 answers, and the total with it', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const event = await forumEnded(2);
    const people = await attendees(event, 5);
    for (const [i, p] of people.slice(0, 4).entries())
      await answer(event, p, { overall: 5 - i, comments: `ข้อ ${i}` });
    const four = await t.request('GET', surveyUrl(event), { cookie: admin.cookie });
    expect(four.body.results.responses).toBeNull();
    for (const q of four.body.results.questions)
      expect(q).toMatchObject({ suppressed: true, answered: null, counts: null, average: null, texts: null });

    // The fifth answers only the rating (5, 4, 3, 2, 1): the rating shows, the free text (4 answers) stays withheld.
    await answer(event, people[4]!, { overall: 1 });
    const five = await t.request('GET', surveyUrl(event), { cookie: admin.cookie });
    const byId = Object.fromEntries(
      five.body.results.questions.map((q: { questionId: string }) => [q.questionId, q]),
    );
    expect(five.body.results.responses).toBe(5);
    expect(byId.overall).toMatchObject({ suppressed: false, answered: 5, average: 3 });
    expect(byId.overall.counts).toEqual([1, 2, 3, 4, 5].map((v) => ({ value: String(v), count: 1 })));
    expect(byId.comments).toMatchObject({ suppressed: true, texts: null });
    expect(byId.useful).toMatchObject({ suppressed: true, counts: null });
  });

  it('shows free text to the Centre only, sorted rather than in the order it came in', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const event = await forumEnded(7 * 24 - 1); // open for two more hours
    const people = await attendees(event, 5);
    const texts = ['ง อยากให้จัดที่ภาคใต้', 'ก ขอบคุณ', 'ค เวลาน้อยไป', 'ข ได้รู้จักกรมประมง', 'จ ดีมาก'];
    for (const [i, p] of people.entries()) await answer(event, p, { comments: texts[i]! });
    const centre = await t.request('GET', surveyUrl(event), { cookie: admin.cookie });
    const comments = centre.body.results.questions.find(
      (q: { questionId: string }) => q.questionId === 'comments',
    );
    expect(comments.texts).toEqual([...texts].sort((a, b) => a.localeCompare(b, 'th')));
    expect(comments.texts).not.toEqual(texts);

    // Attendees see nothing while it is open, then the counts without the text once it closed.
    expect((await t.request('GET', surveyUrl(event), { cookie: people[0]!.cookie })).body.results).toBeNull();
    t.clock.advance(3 * HOUR_MS);
    try {
      const cookie = await t.login(people[0]!.user.email, people[0]!.user.password); // the idle session ended
      const attendee = await t.request('GET', surveyUrl(event), { cookie });
      expect(attendee.body.phase).toBe('closed');
      const seen = attendee.body.results.questions.find(
        (q: { questionId: string }) => q.questionId === 'comments',
      );
      expect(seen).toMatchObject({ suppressed: false, answered: 5, texts: null });
      expect(JSON.stringify(attendee.body)).not.toContain('ขอบคุณ');
    } finally {
      t.clock.advance(-3 * HOUR_MS);
    }
  });

  it('tells nobody which organisation’s lone attendee answered what', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const event = await forumEnded(2);
    const big = await attendees(event, 4);
    const [lone] = await attendees(event, 1); // the only attendee of their organisation
    for (const p of big) await answer(event, p, { overall: 5 });
    await answer(event, lone!, { overall: 1 });
    const view = await t.request('GET', surveyUrl(event), { cookie: admin.cookie });
    const text = JSON.stringify(view.body.results);
    // Counts only: no organisation, sector, person, day or position travels with the results.
    expect(text).not.toContain(lone!.user.organisationId);
    expect(text).not.toContain(lone!.user.id);
    expect(text).not.toContain('2026-11-26');
    expect(text).not.toMatch(/sector|organisation|submitted/i);
    // The same answers in another order give the same results: the order they came in cannot be read.
    const other = await forumEnded(2);
    const others = await attendees(other, 5);
    await answer(other, others[0]!, { overall: 1 });
    for (const p of others.slice(1)) await answer(other, p, { overall: 5 });
    const reordered = await t.request('GET', surveyUrl(other), { cookie: admin.cookie });
    expect(reordered.body.results).toEqual(view.body.results);
  });
});

describe('survey invitations', () => {
  it('go once to the attendees with an account, an hour after the end, even when two instances run the job', async () => {
    await sendSurveyInvitations(t.deps); // the other tests' forums
    const event = await forumEnded(1.5, { titleTh: 'Let’s Talk TIP ครั้งที่ 9' });
    const people = await attendees(event, 2);
    const early = await forumEnded(0.5);
    await attendees(early, 1);

    const [a, b] = await Promise.all([sendSurveyInvitations(t.deps), sendSurveyInvitations(t.deps)]);
    expect(a + b).toBe(2);
    const mails = await t.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.kind, 'forum_survey_invitation'));
    const mine = mails.filter((m) => people.some((p) => p.user.email === m.to));
    expect(mine).toHaveLength(2);
    expect(mine[0]!.subject).toContain('Let’s Talk TIP ครั้งที่ 9');
    expect(mine[0]!.text).toContain(`/forums/${event.id}/survey`);
    expect(mails.some((m) => m.text.includes(early.id))).toBe(false);
    expect(await sendSurveyInvitations(t.deps)).toBe(0);
  });
});
