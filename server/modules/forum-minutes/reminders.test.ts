import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../../common/time.ts';
import { outboxEmails } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { buildForumEvent } from './forum-minutes.factories.ts';
import { sendDueSoonReminders, sendOverdueDigests } from './reminders.ts';

let t: TestApp;
let centre: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp();
  centre = await t.signedIn({ role: 'admin' });
});
afterAll(() => t.close());

/** Finalised minutes with actions owned by a fresh organisation with a Thai org admin and an English member. */
async function ownedActions(actions: { titleTh: string; titleEn?: string; dueOn: string }[]) {
  const org = await t.buildOrganisation({
    nameTh: 'กรมทดสอบการเตือน',
    nameEn: 'Reminder Test Department',
    sector: 'government',
  });
  const admin = await t.buildUser({ role: 'org_admin', organisationId: org.id, language: 'th' });
  const member = await t.buildUser({ role: 'member', organisationId: org.id, language: 'en' });
  const observer = await t.buildUser({ role: 'observer', organisationId: org.id });
  const event = await buildForumEvent(t.db);
  const url = `/api/v1/forums/events/${event.id}/minutes`;
  const body = {
    revision: 0,
    items: [],
    decisions: [],
    actions: actions.map((a, i) => ({
      ...a,
      ownerOrganisationId: org.id,
      // The first action names the English-speaking member as responsible.
      responsibleUserId: i === 0 ? member.id : null,
    })),
  };
  expect((await t.request('PUT', url, { cookie: centre.cookie, body })).status).toBe(200);
  await t.request('POST', `${url}/finalise`, { cookie: centre.cookie, body: { revision: 1 } });
  return { org, admin, member, observer };
}

const mailsTo = (to: string, kind: string) =>
  t.db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.to, to), like(outboxEmails.kind, kind)));

describe('reminders 7 days before an action falls due', () => {
  it('e-mails the org admin and the responsible person once, each in their language', async () => {
    // Test clock: 2026-11-26 10:00 Bangkok. Due 2026-12-03 is 7 days away; 2026-12-10 is not yet.
    const { admin, member, observer } = await ownedActions([
      { titleTh: 'ส่งรายชื่อล่าม', titleEn: 'Send the interpreter list', dueOn: '2026-12-03' },
      { titleTh: 'ยังอีกนาน', dueOn: '2026-12-10' },
    ]);
    await sendDueSoonReminders(t.deps);
    await sendDueSoonReminders(t.deps);
    const [th] = await mailsTo(admin.email, 'forum_action_due_soon');
    expect((await mailsTo(admin.email, 'forum_action_due_soon')).length).toBe(1);
    expect(th!.subject).toContain('3/12/2569');
    expect(th!.text).toContain('ส่งรายชื่อล่าม');
    const en = await mailsTo(member.email, 'forum_action_due_soon');
    expect(en.map((m) => m.subject)).toEqual(['TIPNet: a forum action item is due on 2026-12-03']);
    expect(en[0]!.text).toContain('Send the interpreter list');
    expect(await mailsTo(observer.email, 'forum_action_due_soon')).toEqual([]);
  });

  it('sends once when two instances run at the same moment', async () => {
    const { admin } = await ownedActions([{ titleTh: 'งานพร้อมกัน', dueOn: '2026-11-30' }]);
    const runs = await Promise.all([sendDueSoonReminders(t.deps), sendDueSoonReminders(t.deps)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await mailsTo(admin.email, 'forum_action_due_soon')).toHaveLength(1);
  });
});

describe('weekly overdue digest', () => {
  it('goes out on Monday morning Bangkok, once, per owner organisation, and not for done actions', async () => {
    const { admin, member } = await ownedActions([
      { titleTh: 'เลยกำหนดหนึ่ง', dueOn: '2026-11-10' },
      { titleTh: 'เลยกำหนดสอง', dueOn: '2026-11-20' },
      { titleTh: 'ยังไม่ถึง', dueOn: '2027-01-10' },
    ]);
    // Thursday: nothing.
    expect(await sendOverdueDigests(t.deps)).toBe(0);
    // Monday 30 November 2026, 07:00 Bangkok: still too early; 08:00: the digest.
    t.clock.advance(3 * 24 * HOUR_MS + 21 * HOUR_MS);
    expect(await sendOverdueDigests(t.deps)).toBe(0);
    t.clock.advance(HOUR_MS);
    const runs = await Promise.all([sendOverdueDigests(t.deps), sendOverdueDigests(t.deps)]);
    expect(runs.filter((n) => n > 0)).toHaveLength(1);
    await sendOverdueDigests(t.deps);
    const mails = await mailsTo(admin.email, 'forum_actions_overdue_digest');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('เลยกำหนดหนึ่ง — ครบกำหนด 10/11/2569 (เลยมา 20 วัน)');
    expect(mails[0]!.text).not.toContain('ยังไม่ถึง');
    expect(await mailsTo(member.email, 'forum_actions_overdue_digest')).toHaveLength(1);
  });
});
