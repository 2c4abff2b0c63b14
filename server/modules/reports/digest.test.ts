import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../common/time.ts';
import { auditEvents, type OrganisationRow, outboxEmails, problemAnswers } from '../../db/schema/index.ts';
import { buildPerson } from '../../demo/factories.ts';
import { buildProblem } from '../../test/problem-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { digestDue, firstWorkingDay, runMonthlyDigest } from './digest.ts';

describe('when the digest is due', () => {
  it('is the first weekday of the month that is not a holiday', () => {
    expect(firstWorkingDay(2026, 11, new Set())).toBe('2026-11-02'); // 1 Nov 2026 is a Sunday
    expect(firstWorkingDay(2026, 11, new Set(['2026-11-02']))).toBe('2026-11-03');
    expect(firstWorkingDay(2027, 1, new Set(['2027-01-01']))).toBe('2027-01-04');
  });

  it('counts the month before, from the first working day in Bangkok on', () => {
    expect(digestDue(new Date('2026-11-01T10:00:00+07:00'), new Set())).toBeNull();
    expect(digestDue(new Date('2026-11-01T23:59:00+07:00'), new Set())).toBeNull();
    expect(digestDue(new Date('2026-11-02T00:01:00+07:00'), new Set())?.code).toBe('month-2569-10');
    expect(digestDue(new Date('2027-01-04T08:00:00+07:00'), new Set())?.code).toBe('month-2569-12');
  });
});

describe('the monthly digest job', () => {
  let t: TestApp;
  let fisheries: OrganisationRow;
  let labour: OrganisationRow;
  let focalEmail: string;
  let adminEmail: string;

  /** A problem assigned to `to` in October 2026, answered by it `days` later. */
  async function answered(to: OrganisationRow, days: number) {
    const at = new Date('2026-10-05T03:00:00Z');
    const p = await buildProblem(t.db, { createdAt: at, assignedTo: [to.id] });
    await t.db.insert(problemAnswers).values({
      id: randomUUID(),
      problemId: p.id,
      organisationId: to.id,
      authorUserId: p.reporterUserId,
      bodyTh: 'คำตอบทางการ',
      createdAt: new Date(at.getTime() + days * DAY_MS),
    });
  }

  beforeAll(async () => {
    t = await buildTestApp(); // 26 Nov 2026: October's digest is due
    fisheries = await t.buildOrganisation({ nameEn: 'Fisheries Dept', nameTh: 'กรมประมง' });
    labour = await t.buildOrganisation({ nameEn: 'Labour Dept', nameTh: 'กรมสวัสดิการและคุ้มครองแรงงาน' });
    // Fisheries names a focal point who reads English; Labour names none, so its administrator is told.
    const reader = await t.buildUser({ organisationId: fisheries.id, language: 'en' });
    const focal = await buildPerson(t.db, {
      organisationId: fisheries.id,
      userId: reader.id,
      nameEn: 'Somchai (Demo)',
      focalTopics: ['victim_identification'],
    });
    focalEmail = focal.email!;
    adminEmail = (await t.buildUser({ organisationId: labour.id, role: 'org_admin', language: 'th' })).email;
    await answered(fisheries, 2);
    await answered(fisheries, 4);
    await answered(labour, 10);
    // A third agency: a median of two would give the other's figure back from one's own.
    await answered(await t.buildOrganisation({ nameEn: 'Immigration Bureau' }), 7);
  }, 120_000);
  afterAll(() => t.close());

  const mailTo = (to: string) => t.db.select().from(outboxEmails).where(eq(outboxEmails.to, to));

  it('sends each organisation one digest even when two instances run it at once', async () => {
    await Promise.all([runMonthlyDigest(t.deps), runMonthlyDigest(t.deps)]);
    await runMonthlyDigest(t.deps);
    expect(await mailTo(focalEmail)).toHaveLength(1);
    expect(await mailTo(adminEmail)).toHaveLength(1);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.entityId, [fisheries.id, labour.id]));
    expect(audits.filter((a) => a.action === 'organisation.digest_sent')).toHaveLength(2);
  });

  it('tells the focal point, in their language, their own figures against the network median only', async () => {
    const [mail] = await mailTo(focalEmail);
    expect(mail!.subject).toBe('Fisheries Dept: your month in TIPNet, October 2026');
    expect(mail!.text).toContain('Dear Somchai (Demo),');
    // Fisheries answered in 2 and 4 days (median 3); the agencies' medians are 3, 7 and 10, so 7.
    expect(mail!.text).toContain(
      'Problems and recommendations — Median days to answer: 3 (network median 7)',
    );
    expect(mail!.text).toContain('/reports?period=month-2569-10');
    expect(mail!.text).not.toContain('Labour');
  });

  it('writes to an organisation without focal points through its administrators, in Thai', async () => {
    const [mail] = await mailTo(adminEmail);
    expect(mail!.subject).toContain('ตุลาคม 2569');
    expect(mail!.text).toContain('มัธยฐานวันถึงคำตอบ: 10 (ค่ามัธยฐานของเครือข่าย 7)');
    expect(mail!.text).not.toContain('กรมประมง');
  });
});
