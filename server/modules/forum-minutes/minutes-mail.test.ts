import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outboxEmails } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { buildCheckin, buildForumEvent } from './forum-minutes.factories.ts';

let t: TestApp;
let centre: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp();
  centre = await t.signedIn({ role: 'admin' });
});
afterAll(() => t.close());

const mailsTo = (to: string) =>
  t.db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.to, to), eq(outboxEmails.kind, 'forum_minutes_shared')));

/** A forum attended by a Thai-speaking Fisheries and an English-speaking NGO; a third organisation stayed away. */
async function attendedForum() {
  const fisheries = await t.buildOrganisation({
    nameTh: 'กรมประมง (ทดสอบรายงาน)',
    nameEn: 'Fisheries (minutes test)',
    sector: 'government',
  });
  const ngo = await t.buildOrganisation({
    nameTh: 'มูลนิธิทดสอบรายงาน',
    nameEn: 'Minutes Test Foundation',
    sector: 'civil_society',
  });
  const absent = await t.buildOrganisation({ sector: 'private' });
  const people = {
    fisheriesAdmin: await t.buildUser({ role: 'org_admin', organisationId: fisheries.id, language: 'th' }),
    // With an org admin to hear it, an ordinary member of Fisheries is not written to.
    fisheriesMember: await t.buildUser({ role: 'member', organisationId: fisheries.id, language: 'th' }),
    ngoMember: await t.buildUser({ role: 'member', organisationId: ngo.id, language: 'en' }),
    ngoObserver: await t.buildUser({ role: 'observer', organisationId: ngo.id, language: 'en' }),
    absentAdmin: await t.buildUser({ role: 'org_admin', organisationId: absent.id, language: 'th' }),
  };
  const event = await buildForumEvent(t.db);
  await buildCheckin(t.db, event.id, { organisationId: fisheries.id, sector: 'government' });
  await buildCheckin(t.db, event.id, { organisationId: fisheries.id, sector: 'government' });
  await buildCheckin(t.db, event.id, { organisationId: ngo.id, sector: 'civil_society' });
  const url = `/api/v1/forums/events/${event.id}/minutes`;
  const saved = await t.request('PUT', url, {
    cookie: centre.cookie,
    body: { revision: 0, summaryTh: 'หารือเรื่องล่าม', items: [], decisions: [], actions: [] },
  });
  expect(saved.status).toBe(200);
  return { event, url, people };
}

describe('sharing the minutes for comment', () => {
  it('emails each attending organisation once, in each reader’s language, with a link to the draft', async () => {
    const { event, url, people } = await attendedForum();
    const shared = await t.request('POST', `${url}/share`, { cookie: centre.cookie, body: { revision: 1 } });
    expect(shared.status).toBe(200);

    const [th, ...moreTh] = await mailsTo(people.fisheriesAdmin.email);
    expect(moreTh).toEqual([]);
    expect(th!.subject).toBe(`ขอความเห็นต่อร่างรายงานการประชุม — Let's Talk TIP ครั้งที่ ${event.number}`);
    expect(th!.text).toContain('เรียน ');
    expect(th!.text).toContain('กรมประมง (ทดสอบรายงาน)');
    expect(th!.text).toContain('20 พฤศจิกายน 2569'); // the forum's day, in the Buddhist Era
    expect(th!.text).toContain(`/forums/${event.id}/minutes`);

    const [en] = await mailsTo(people.ngoMember.email);
    expect(en!.subject).toBe(`Draft minutes for your comments — Let's Talk TIP #${event.number}`);
    expect(en!.text).toContain('Minutes Test Foundation');
    expect(en!.text).toContain('20 November 2026');

    for (const nobody of [people.fisheriesMember, people.ngoObserver, people.absentAdmin])
      expect(await mailsTo(nobody.email)).toEqual([]);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'forumMinutes.shared'), eq(auditEvents.entityId, event.id)));
    expect(audit?.changes).toMatchObject({ version: 1, recipients: 2 });
  });

  it('sends nothing when the share is refused: a stale revision, sharing twice, or not the Centre', async () => {
    const { url, people } = await attendedForum();
    const member = await t.signedIn({ role: 'member', organisationId: people.ngoMember.organisationId });
    const byMember = await t.request('POST', `${url}/share`, {
      cookie: member.cookie,
      body: { revision: 1 },
    });
    expect([403, 404]).toContain(byMember.status);
    const stale = await t.request('POST', `${url}/share`, { cookie: centre.cookie, body: { revision: 0 } });
    expect(stale.status).toBe(409);
    const bad = await t.request('POST', `${url}/share`, { cookie: centre.cookie, body: { revision: 'one' } });
    expect(bad.status).toBe(400);
    expect(await mailsTo(people.fisheriesAdmin.email)).toEqual([]);

    expect(
      (await t.request('POST', `${url}/share`, { cookie: centre.cookie, body: { revision: 1 } })).status,
    ).toBe(200);
    const again = await t.request('POST', `${url}/share`, { cookie: centre.cookie, body: { revision: 2 } });
    expect(again.status).toBe(409);
    expect(await mailsTo(people.fisheriesAdmin.email)).toHaveLength(1);
    expect(await mailsTo(people.ngoMember.email)).toHaveLength(1);
  });
});
