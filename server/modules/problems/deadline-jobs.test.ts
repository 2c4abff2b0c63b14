import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotifiedKind } from '../../../common/problem-events.ts';
import { DAY_MS as DAY, MINUTE_MS as MINUTE } from '../../../common/time.ts';
import { defaultDeadline } from '../../../common/working-day.ts';
import { auditEvents, notifications, problemDeadlineSettings, problems } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { notificationRuntimeOf } from '../notifications/index.ts';
import { runDeadlineAlerts } from './deadline-jobs.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signedIn']>>;
let reporter: Person;
let assigneeAdmin: Person;
let assigneeMember: Person;
let admin: Person;
let assigneeOrgId: string;

beforeAll(async () => {
  t = await buildTestApp();
  reporter = await t.signedIn({ role: 'member' });
  const assignee = await t.buildOrganisation({ nameEn: 'Department of Employment' });
  assigneeOrgId = assignee.id;
  assigneeAdmin = await t.signedIn({ organisationId: assignee.id, role: 'org_admin' });
  assigneeMember = await t.signedIn({ organisationId: assignee.id, role: 'member' });
  admin = await t.signedIn({ role: 'admin' });
});
afterAll(() => t.close());

const run = () => runDeadlineAlerts(t.deps);
const advanceTo = (at: number) => t.clock.advance(at - t.clock.now().getTime());
async function dueAtOf(id: string) {
  const [row] = await t.db.select().from(problems).where(eq(problems.id, id));
  return row!.dueAt!.getTime();
}
/** The clock jumps by days, past any session's expiry: sign in again at the current time. */
const cookieOf = (p: Person) => t.login(p.user.email, p.user.password);
const dispatch = () => notificationRuntimeOf(t.app).dispatch();

async function assignedProblem(category = 'documents_immigration') {
  const raised = await t.request('POST', '/api/v1/problems', {
    cookie: await cookieOf(reporter),
    body: {
      type: 'problem',
      title: 'ใบอนุญาตทำงานของผู้เสียหายออกล่าช้า',
      body: 'ผู้เสียหายรอใบอนุญาตทำงานนานหลายเดือน',
      category,
      provinces: [],
      sectors: [],
      anonymous: false,
    },
  });
  expect(raised.status, JSON.stringify(raised.body)).toBe(201);
  const assigned = await t.request('POST', `/api/v1/problems/${raised.body.id}/assign`, {
    cookie: await cookieOf(admin),
    body: { organisationIds: [assigneeOrgId], leadOrganisationId: assigneeOrgId },
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  return raised.body.id as string;
}

const told = async (userId: string, problemId: string, kind: NotifiedKind) =>
  t.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientUserId, userId),
        eq(notifications.problemId, problemId),
        eq(notifications.kind, kind),
      ),
    );

describe('the deadline job', () => {
  it('marks the first answer overdue once, tells the assigned org admins, then escalates to the Centre', async () => {
    const id = await assignedProblem();
    advanceTo((await dueAtOf(id)) - MINUTE);
    expect((await run()).overdue).toBe(0);

    t.clock.advance(2 * MINUTE);
    const first = await run();
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    const again = await run();
    expect(again).toEqual({ overdue: 0, escalated: 0 });
    await dispatch();
    expect(await told(assigneeAdmin.user.id, id, 'overdue')).toHaveLength(1);
    expect(await told(assigneeMember.user.id, id, 'overdue')).toHaveLength(0);
    expect(await told(admin.user.id, id, 'escalated')).toHaveLength(0);

    const timeline = await t.request('GET', `/api/v1/problems/${id}/timeline?limit=50`, {
      cookie: await cookieOf(reporter),
    });
    const overdue = timeline.body.items.find((e: { kind: string }) => e.kind === 'overdue');
    expect(overdue.data).toMatchObject({ deadline: 'first_answer' });
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'problem.overdue_notified'), eq(auditEvents.entityId, id)));
    expect(audit).toHaveLength(1);

    // Escalation: 14 more days (the default) past the deadline.
    t.clock.advance(13 * DAY);
    expect((await run()).escalated).toBe(0);
    t.clock.advance(DAY);
    expect((await run()).escalated).toBeGreaterThanOrEqual(1);
    expect(await run()).toEqual({ overdue: 0, escalated: 0 });
    await dispatch();
    expect(await told(admin.user.id, id, 'escalated')).toHaveLength(1);
    expect(await told(assigneeAdmin.user.id, id, 'overdue')).toHaveLength(1);
  });

  it('starts again for the next deadline: a progress update overdue after the answer', async () => {
    const id = await assignedProblem();
    const answer = await t.request('POST', `/api/v1/problems/${id}/answers`, {
      cookie: await cookieOf(assigneeAdmin),
      body: { bodyTh: 'กรมฯ กำลังเร่งออกใบอนุญาต' },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const moved = await t.request('POST', `/api/v1/problems/${id}/transitions`, {
      cookie: await cookieOf(admin),
      body: { to: 'in_progress' },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    t.clock.advance(29 * DAY);
    await run();
    expect(await told(assigneeAdmin.user.id, id, 'overdue')).toHaveLength(0);

    t.clock.advance(DAY + MINUTE);
    await run();
    await run();
    await dispatch();
    expect(await told(assigneeAdmin.user.id, id, 'overdue')).toHaveLength(1);
    const timeline = await t.request('GET', `/api/v1/problems/${id}/timeline?limit=50`, {
      cookie: await cookieOf(reporter),
    });
    const overdue = timeline.body.items.filter((e: { kind: string }) => e.kind === 'overdue');
    expect(overdue.map((e: { data: { deadline: string } }) => e.data.deadline)).toEqual(['progress_update']);
  });

  it('escalates after the category’s own number of days', async () => {
    await t.db
      .insert(problemDeadlineSettings)
      .values({
        category: 'budget_resources',
        firstAnswerDays: 5,
        updateIntervalDays: 10,
        escalationDays: 3,
        updatedAt: t.clock.now(),
      })
      .onConflictDoNothing();
    const id = await assignedProblem('budget_resources');
    const [row] = await t.db.select().from(problems).where(eq(problems.id, id));
    expect(row!.dueAt).toEqual(defaultDeadline(row!.assignedAt!, 5));
    advanceTo(row!.dueAt!.getTime() + MINUTE);
    await run();
    t.clock.advance(3 * DAY);
    await run();
    const [after] = await t.db.select().from(problems).where(eq(problems.id, id));
    expect(after!.escalatedAt).not.toBeNull();
  });

  it('leaves closed problems alone', async () => {
    const id = await assignedProblem();
    const resolved = await t.request('POST', `/api/v1/problems/${id}/transitions`, {
      cookie: await cookieOf(admin),
      body: { to: 'resolved', reason: 'แก้ไขแล้ว' },
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    t.clock.advance(40 * DAY);
    await run();
    const [row] = await t.db.select().from(problems).where(eq(problems.id, id));
    expect(row!.overdueNotifiedAt).toBeNull();
    expect(row!.escalatedAt).toBeNull();
  });
});
