import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot as saveScreenshot,
} from './browser.ts';
import {
  ADMIN,
  apiAs,
  baseUrl,
  FISHERIES,
  field,
  fill,
  MIRROR,
  openPage,
  pageReady,
  scrollWidth,
  signIn,
  th,
} from './helpers.ts';

const P = th.problems;
/** A valid Thai national ID (the check digit holds): the privacy check must catch it. */
const THAI_ID = '1-1037-00123-45-8';
const XSS_TITLE = `<img src=x onerror="window.__xss=1"> ลูกเรือประมงรอล่าม ${Date.now().toString(36)}`;
const XSS_BODY = [
  'ที่ท่าเรือระนอง การคัดแยกลูกเรือต้องรอล่ามภาษาเมียนมา **หลายวัน**',
  '',
  `ผู้เสียหายรายหนึ่ง เลขประจำตัว ${THAI_ID}`,
  '',
  '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">',
  '',
  '[ลิงก์อันตราย](javascript:window.__xss=1)',
].join('\n');
const XSS_COMMENT =
  '<svg onload="window.__xss=1"></svg><iframe src="javascript:window.__xss=1"></iframe> เห็นด้วย';

/** Fails the test when any payload ran: a dialog opened or the marker was set. */
async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('main script, main iframe, main svg[onload], main img[onerror]').count()).toBe(0);
}

/** Whole pages from the top: the sticky header otherwise lands mid-page. */
async function screenshot(page: Page, name: string, options?: { fullPage?: boolean }) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, name, options);
}

type Figures = { organisation: { nameTh: string }; answered: number; resolved: number };
/** Fisheries' row on the accountability page, through the API it reads. */
async function fisheriesFigures(api: Awaited<ReturnType<typeof apiAs>>) {
  const res = await api.get('/api/v1/problems/accountability');
  expect(res.status()).toBe(200);
  const { organisations } = (await res.json()) as { organisations: Figures[] };
  return (
    organisations.find((o) => o.organisation.nameTh.startsWith('กรมประมง')) ?? { answered: 0, resolved: 0 }
  );
}

async function timelineKinds(page: Page) {
  return page
    .locator('[data-testid="timeline"] [data-kind]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
}

async function signedInPage(browser: Browser, email: string) {
  const { context, page } = await newPage(browser, baseUrl(), PHONE);
  // Three people, a long loop and lazily loaded chart code: more patience than a one-page spec.
  page.setDefaultTimeout(30_000);
  page.on('dialog', (dialog) => {
    throw new Error(`A script opened a dialog: ${dialog.message()}`);
  });
  await signIn(page, email);
  return { context, page };
}

describe('problems board: the whole loop in Thai on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('raise with a privacy warning, support, assign with a lead, official answer, resolve; XSS stays inert', async () => {
    // 1. A Mirror Foundation member raises a problem; the Thai ID triggers the privacy warning.
    const mirror = await signedInPage(browser, MIRROR);
    const page = mirror.page;
    // The board is in the menu.
    await page.getByRole('button', { name: th.shell.openMenu }).click();
    await page
      .getByRole('navigation', { name: th.shell.mainNavigation })
      .getByRole('link', { name: th.nav.problems })
      .click();
    await pageReady(page, P.title);
    await screenshot(page, 'problems-board');
    await expectNoSeriousAxeViolations(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

    // Filters live in the URL: overdue only, then every card shown is marked overdue.
    await page.getByRole('button', { name: P.filters.button, exact: true }).click();
    const filtersDrawer = page.getByRole('dialog', { name: P.filters.title });
    await filtersDrawer.waitFor();
    // The drawer slides in; the box is ticked through the URL, so wait for it rather than for the click.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await filtersDrawer.getByText(P.filters.overdue).click();
    await page.waitForURL(/[?&]overdue=1/);
    await filtersDrawer.getByRole('button', { name: P.filters.show }).click();
    // The previous list stays on screen while the filtered one loads: wait for the last other card to go.
    await expect.poll(() => page.locator('main ul > li:not([data-overdue])').count()).toBe(0);
    expect(await page.locator('main li[data-overdue]').count()).toBeGreaterThan(0);
    await page.reload();
    await expect
      .poll(() => page.getByRole('button', { name: fill(P.filters.buttonActive, { count: 1 }) }).count())
      .toBe(1);
    await page.goto('/problems');
    await pageReady(page, P.title);

    await page.getByRole('link', { name: P.raise.button }).click();
    await pageReady(page, P.raise.title);
    await field(page, P.fields.title).fill(XSS_TITLE);
    await field(page, P.fields.body).fill(XSS_BODY);
    await page.getByRole('combobox', { name: P.fields.category }).click();
    await page.getByRole('option', { name: 'การคัดแยกและคัดกรองผู้เสียหาย' }).click();
    await field(page, P.fields.proposedSolution).fill('จัดทำบัญชีล่ามกลางที่เรียกใช้ได้ภายใน 24 ชั่วโมง');
    await field(page, P.fields.source).fill("Let's Talk TIP ครั้งที่ 3");
    // The browser runs the same check while typing.
    await page.getByText(P.privacy.liveTitle).waitFor();
    await screenshot(page, 'problems-raise-form');
    await expectNoSeriousAxeViolations(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('button', { name: P.raise.submit }).click();
    const warning = page.getByRole('dialog', { name: P.privacy.title });
    await warning.waitFor();
    await expect.poll(() => warning.textContent()).toContain(THAI_ID);
    await warning.getByText('เลขประจำตัวประชาชน', { exact: false }).first().waitFor();
    await screenshot(page, 'problems-privacy-warning', { fullPage: false });
    await warning.getByRole('button', { name: P.privacy.submitAnyway }).click();
    // A confirmation with the reference and what happens next, then on to the problem.
    const raised = page.getByTestId('problem-raised');
    await raised.getByRole('heading', { name: P.raised.title }).waitFor();
    await raised.getByRole('link', { name: P.raised.open }).click();
    await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    const problemUrl = new URL(page.url()).pathname;
    await pageReady(page, XSS_TITLE);
    // The title is text, the body's HTML is dropped, the javascript: link has no address.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(XSS_TITLE);
    await page.getByText('หลายวัน', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'ลิงก์อันตราย' }).count()).toBe(0);
    await expectInert(page);

    // A comment with XSS payloads is shown inert too.
    // A comment with XSS payloads, and a mention whose label is a payload: the chip shows the name the
    // server has for the organisation.
    const commentBox = field(page, P.comments.add);
    await commentBox.fill(XSS_COMMENT);
    const mention = page.getByRole('combobox', { name: P.comments.mention });
    await mention.click();
    await mention.fill('กรมประมง');
    await page
      .getByRole('option', { name: /^กรมประมง/ })
      .first()
      .click();
    const withMention = await commentBox.inputValue();
    expect(withMention).toMatch(/@\[กรมประมง[^\]]*\]\(org:[0-9a-f-]{36}\)/);
    await commentBox.fill(withMention.replace(/@\[[^\]]*\]/, '@[<img src=x onerror="window.__xss=1">]'));
    await page.getByRole('button', { name: P.comments.send }).click();
    const comment = page.getByTestId('comment').filter({ hasText: 'เห็นด้วย' });
    await comment.waitFor();
    await comment.getByText(/^@กรมประมง/).waitFor();
    await expectInert(page);

    // Its author edits it within 15 minutes; it says so.
    await comment.getByRole('button', { name: P.comments.edit }).click();
    await comment.getByRole('textbox', { name: P.comments.edit }).fill('เห็นด้วย และขอเพิ่มข้อมูล');
    await comment.getByRole('button', { name: th.common.save }).click();
    await comment.getByText(P.comments.edited, { exact: false }).waitFor();

    // 2. The Department of Fisheries: "we face this too".
    const fisheries = await signedInPage(browser, FISHERIES);
    await fisheries.page.goto(problemUrl);
    await pageReady(fisheries.page, XSS_TITLE);
    await fisheries.page.getByRole('button', { name: P.support.button }).click();
    // The badge in the support section (a toast says the same for a few seconds).
    await fisheries.page.locator('#support').getByText(P.support.done).waitFor();
    await expect
      .poll(() => fisheries.page.getByTestId('support-count').textContent())
      .toBe(fill(P.supportCount, { count: 1 }));
    // Supporting is once per organisation: the button is gone.
    expect(await fisheries.page.getByRole('button', { name: P.support.button }).count()).toBe(0);
    // Fisheries reports the comment to the Centre.
    const reported = fisheries.page.getByTestId('comment').filter({ hasText: 'เห็นด้วย' });
    await reported.getByRole('button', { name: P.comments.report }).click();
    const reportDialog = fisheries.page.getByRole('dialog', { name: P.comments.reportTitle });
    await field(reportDialog, P.comments.reason).fill('ข้อความไม่เกี่ยวข้อง');
    await reportDialog.getByRole('button', { name: P.comments.report }).click();
    await reportDialog.waitFor({ state: 'hidden' });

    const adminApi = await apiAs(ADMIN);
    const before = await fisheriesFigures(adminApi);

    // 3. The admin assigns it with Fisheries as lead.
    const admin = await signedInPage(browser, ADMIN);
    await admin.page.goto(problemUrl);
    await pageReady(admin.page, XSS_TITLE);
    const assignTo = admin.page.getByRole('combobox', { name: P.actions.assignTo });
    await assignTo.click();
    await assignTo.fill('กรมประมง');
    await admin.page
      .getByRole('option', { name: /^กรมประมง/ })
      .first()
      .click();
    await assignTo.press('Escape');
    await expect
      .poll(() => admin.page.getByRole('combobox', { name: P.actions.lead }).inputValue())
      .toMatch(/^กรมประมง/);
    await admin.page.getByRole('button', { name: P.actions.assign, exact: true }).click();
    await admin.page.getByText(th.problems.answers.responsible).waitFor();
    await expect.poll(() => admin.page.locator('main').textContent()).toContain('มอบหมายหน่วยงานแล้ว');

    // 4. Fisheries' org admin posts the official answer.
    await fisheries.page.reload();
    await pageReady(fisheries.page, XSS_TITLE);
    await field(fisheries.page, P.fields.bodyTh).fill('กรมประมงจะจัดล่ามประจำศูนย์ PIPO ระนองภายในเดือนนี้');
    await fisheries.page.getByRole('button', { name: P.actions.postAnswer }).click();
    await fisheries.page.getByTestId('official-answer').filter({ hasText: 'ล่ามประจำศูนย์ PIPO' }).waitFor();

    // 5. The admin resolves it; only the moves the server allows are offered.
    await admin.page.reload();
    await pageReady(admin.page, XSS_TITLE);
    await admin.page.getByRole('button', { name: 'แก้ไขแล้ว', exact: true }).click();
    const confirm = admin.page.getByRole('dialog');
    await confirm.getByRole('button', { name: P.actions.confirm }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect
      .poll(() => admin.page.locator('main').textContent())
      .toContain(fill(P.timeline.state_changed, { from: 'มอบหมายหน่วยงานแล้ว', to: 'แก้ไขแล้ว' }));

    // Meanwhile the reporter's bell has counted the support, the assignment, the answer and the
    // resolution live, over the open page's event stream, without a reload.
    const unread = async () => {
      const name = await page
        .getByRole('banner')
        .getByRole('link', { name: new RegExp(`^${th.notifications.bell}`) })
        .getAttribute('aria-label');
      return Number(name?.match(/\d+/)?.[0] ?? 0);
    };
    await expect.poll(unread, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);

    // The Centre sees the report and hides the comment with a reason, shown in its place.
    const hidden = admin.page.getByTestId('comment').filter({ hasText: 'เห็นด้วย' });
    await hidden.getByText(fill(P.comments.reports, { count: 1 })).waitFor();
    await hidden.getByRole('button', { name: P.comments.hide }).click();
    const hideDialog = admin.page.getByRole('dialog', { name: P.comments.hideTitle });
    await field(hideDialog, P.comments.reason).fill('นอกประเด็น');
    await hideDialog.getByRole('button', { name: P.comments.hide }).click();
    await hideDialog.waitFor({ state: 'hidden' });

    // 6. The reporter's timeline shows every step, in order.
    await page.reload();
    await pageReady(page, XSS_TITLE);
    await expect
      .poll(() => timelineKinds(page))
      .toEqual([
        'raised',
        'commented',
        'comment_edited',
        'supported',
        'assigned',
        'answered',
        'state_changed',
        'comment_hidden',
      ]);
    await page.getByText(fill(P.comments.hidden, { reason: 'นอกประเด็น' })).waitFor();
    await page.getByRole('main').getByText('แก้ไขแล้ว', { exact: true }).first().waitFor();
    await page.getByTestId('official-answer').waitFor();
    await expectInert(page);
    await screenshot(page, 'problems-problem-page');
    await expectNoSeriousAxeViolations(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    // The Centre also sees that the privacy warning was acknowledged.
    await expect.poll(() => timelineKinds(admin.page)).toContain('privacy_warning_acknowledged');

    // 7. It counts on the accountability page.
    expect(await fisheriesFigures(adminApi)).toMatchObject({
      answered: before.answered + 1,
      resolved: before.resolved + 1,
    });
    await adminApi.dispose();
    await openPage(page, '/problems/accountability', P.accountability.title);
    await page
      .getByRole('link', { name: /^กรมประมง/ })
      .first()
      .waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'problems-accountability');
    await expectNoSeriousAxeViolations(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await Promise.all([mirror.context.close(), fisheries.context.close(), admin.context.close()]);
  }, 180_000);
});
