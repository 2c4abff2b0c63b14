import { randomBytes } from 'node:crypto';
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
  chooseOption,
  createUserViaApi,
  field,
  fill,
  organisationId,
  pageReady,
  scrollWidth,
  signIn,
  th,
} from './helpers.ts';

const C = th.coordination;
const RANONG = 'ระนอง';
/** Unique per run, so earlier runs' units never take its place among the suggestions. */
const UNIT_NAME = `ศูนย์ล่ามภาษาเมียนมา ระนอง (ทดสอบ ${randomBytes(3).toString('hex')})`;
const NEEDS = `ล่ามภาษาเมียนมาที่ สภ.เมืองระนอง คืนนี้ ${Date.now().toString(36)}`;

let browser: Browser;
let unitId: string;
let requester: Awaited<ReturnType<typeof createUserViaApi>>;
let officer: Awaited<ReturnType<typeof createUserViaApi>>;
let colleague: Awaited<ReturnType<typeof createUserViaApi>>;

async function screenshot(page: Page, name: string, options?: { fullPage?: boolean }) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, name, options);
}

async function signedInPage(email: string, password: string) {
  const { context, page } = await newPage(browser, baseUrl(), PHONE);
  page.setDefaultTimeout(30_000);
  await signIn(page, email, password);
  return { context, page };
}

/** Nothing scrolls sideways at 390 px, and axe finds nothing serious. */
async function checkScreen(page: Page) {
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await expectNoSeriousAxeViolations(page);
}

const stateBadge = (page: Page, state: string) => page.locator(`main [data-state="${state}"]`).first();

beforeAll(async () => {
  browser = await launchBrowser();
});

let ready: Promise<void> | undefined;
/** Once per run, inside a test (the helpers poll with expect): the people and the unit. */
const setUp = () => {
  ready ??= makeUnit();
  return ready;
};

async function makeUnit() {
  // A Labour Protection unit in Ranong that interprets Burmese, whose only member is a fresh officer.
  const labour = 'Department of Labour Protection and Welfare';
  [requester, officer, colleague] = await Promise.all([
    createUserViaApi({ organisation: 'Mirror Foundation', role: 'member' }),
    createUserViaApi({ organisation: labour, role: 'member' }),
    createUserViaApi({ organisation: labour, role: 'member' }),
  ]);
  const admin = await apiAs(ADMIN);
  try {
    const created = await admin.post('/api/v1/coordination/units', {
      data: {
        organisationId: await organisationId(admin, 'Department of Labour Protection and Welfare'),
        nameTh: UNIT_NAME,
        nameEn: `Burmese interpreters, Ranong (test ${UNIT_NAME.slice(-7, -1)})`,
        services: ['interpretation'],
        coverage: ['TH-85'],
        languages: ['th', 'my'],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    unitId = ((await created.json()) as { id: string }).id;
    for (const person of [officer, colleague]) {
      const own = await apiAs(person.email, person.password);
      const me = (await (await own.get('/api/v1/me')).json()) as { user: { id: string } };
      await own.dispose();
      const joined = await admin.put(`/api/v1/coordination/units/${unitId}/members/${me.user.id}`, {
        data: { role: 'member' },
      });
      expect(joined.status(), await joined.text()).toBe(200);
    }
  } finally {
    await admin.dispose();
  }
}

afterAll(async () => {
  // Closed, so later runs' suggestions are not crowded by this one's unit.
  if (unitId) {
    const admin = await apiAs(ADMIN);
    await admin.patch(`/api/v1/coordination/units/${unitId}`, { data: { active: false } });
    await admin.dispose();
  }
  await browser?.close();
});

describe('a critical interpreter request in Ranong, on phones, in Thai', () => {
  it('goes from the requester to the unit and back, the requester seeing each move live', async () => {
    await setUp();
    // ---- the Mirror worker asks for help ----
    const asker = await signedInPage(requester.email, requester.password);
    const a = asker.page;
    await a.goto('/coordination/new');
    await pageReady(a, C.new.title);
    const combo = (label: string) => a.getByRole('combobox', { name: label, exact: true });
    await chooseOption(a, combo(C.fields.type), 'ล่าม', 'ขอล่าม');
    await a.getByText('วิกฤต', { exact: true }).click();
    await chooseOption(a, combo(C.fields.province), RANONG, RANONG);
    await chooseOption(a, combo(C.fields.language), 'เมียนมา', 'เมียนมา');
    await field(a, C.fields.peopleCount).fill('2');
    await a.getByRole('group', { name: C.fields.ageBands }).getByText(C.ageBands['18_59']).click();
    await a.getByRole('group', { name: C.fields.sexes }).getByText(C.sexes.female).click();
    await field(a, C.fields.needs).fill(NEEDS);
    const suggested = a.getByRole('radio', { name: UNIT_NAME });
    await suggested.waitFor();
    await suggested.check();
    await checkScreen(a);
    await screenshot(a, 'coordination-new-request');
    await a.getByRole('button', { name: C.new.submit }).click();
    await a.waitForURL(/\/coordination\/requests\/[0-9a-f-]{36}$/);
    const requestPath = new URL(a.url()).pathname;
    await stateBadge(a, 'submitted').waitFor();
    // Set once: a reload or navigation would drop it, so finding it at the end proves neither happened.
    await a.evaluate(() => {
      (window as unknown as { __stayed?: boolean }).__stayed = true;
    });

    // ---- the unit's officer finds it in the inbox ----
    const unit = await signedInPage(officer.email, officer.password);
    const o = unit.page;
    await o.goto('/coordination');
    await pageReady(o, C.title);
    const card = o.locator(`[data-request-card="${requestPath.split('/').pop()}"]`);
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('ขอล่าม');
    await checkScreen(o);
    await screenshot(o, 'coordination-inbox');
    await card.click();
    await o.waitForURL(`**${requestPath}`);
    await o.getByRole('button', { name: C.moves.acknowledged, exact: true }).click();
    await stateBadge(o, 'acknowledged').waitFor();

    // The requester's open page follows without a reload.
    await stateBadge(a, 'acknowledged').waitFor();
    await expect.poll(() => a.getByTestId('acknowledged-by').textContent()).toContain(officer.displayName);

    await o.getByRole('button', { name: C.moves.accepted, exact: true }).click();
    await stateBadge(o, 'accepted').waitFor();
    await stateBadge(a, 'accepted').waitFor();
    await checkScreen(o);
    await screenshot(o, 'coordination-request-unit');

    // ---- work, then the outcome ----
    await o.getByRole('button', { name: C.moves.in_progress, exact: true }).click();
    await stateBadge(o, 'in_progress').waitFor();
    await o.getByRole('button', { name: C.moves.done, exact: true }).click();
    const dialog = o.getByRole('dialog');
    await dialog.getByText(C.outcomes.successful, { exact: true }).click();
    await dialog.getByLabel(C.moves.note).fill('ล่ามไปถึง สภ. เวลา 03:10 น.');
    await checkScreen(o);
    await screenshot(o, 'coordination-close-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: C.moves.confirm }).click();
    await stateBadge(o, 'done').waitFor();

    await stateBadge(a, 'done').waitFor();
    await a.getByText(`${C.request.outcome}: ${C.outcomes.successful}`).waitFor();
    expect(new URL(a.url()).pathname).toBe(requestPath);
    expect(await a.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(true);
    // Nothing to do for the requester once it is closed; the timeline has every step in Thai.
    expect(await a.getByRole('group', { name: C.moves.title }).count()).toBe(0);
    for (const step of ['acknowledged', 'accepted', 'in_progress'] as const)
      await a.getByText(C.timeline.to[step], { exact: true }).first().waitFor();
    await checkScreen(a);
    await screenshot(a, 'coordination-request-requester');

    // ---- the outgoing list and the unit's page ----
    await a.goto('/coordination?tab=outgoing');
    await pageReady(a, C.title);
    await a.locator(`[data-request-card="${requestPath.split('/').pop()}"]`).waitFor();
    await checkScreen(a);
    await screenshot(a, 'coordination-outgoing');
    await a.goto(`/coordination/units/${unitId}`);
    await pageReady(a, UNIT_NAME);
    await a.getByText(th.coordination.unit.services).first().waitFor();
    await checkScreen(a);
    await screenshot(a, 'coordination-unit');
    // The officer sees the unit's members; the requester's organisation does not.
    await o.goto(`/coordination/units/${unitId}`);
    await pageReady(o, UNIT_NAME);
    await o.getByText(officer.displayName).waitFor();
    expect(await a.getByText(C.unit.members).count()).toBe(0);

    await Promise.all([asker.context.close(), unit.context.close()]);
  }, 240_000);

  it('tells the second officer who acknowledged first, in words', async () => {
    await setUp();
    const api = await apiAs(requester.email, requester.password);
    const res = await api.post('/api/v1/coordination/requests', {
      data: {
        receivingUnitId: unitId,
        type: 'interpreter',
        urgency: 'critical',
        province: 'TH-85',
        language: 'my',
        peopleCount: 1,
        needs: NEEDS,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await api.dispose();
    const { context, page } = await signedInPage(officer.email, officer.password);
    // Both tap at once: this page does not hear of the colleague's tap before its own lands.
    await page.route('**/api/v1/coordination/requests/*/stream', (route) => route.abort());
    await page.goto(`/coordination/requests/${id}`);
    await stateBadge(page, 'submitted').waitFor();
    const colleagueApi = await apiAs(colleague.email, colleague.password);
    const first = await colleagueApi.post(`/api/v1/coordination/requests/${id}/transitions`, {
      data: { to: 'acknowledged' },
    });
    expect(first.status()).toBe(200);
    await colleagueApi.dispose();
    await page.getByRole('button', { name: C.moves.acknowledged, exact: true }).click();
    await expect
      .poll(() => page.getByTestId('move-conflict').textContent())
      .toBe(fill(C.conflict.acknowledged, { name: colleague.displayName }));
    // The page now shows the request as it is: acknowledged by the colleague.
    await stateBadge(page, 'acknowledged').waitFor();
    await screenshot(page, 'coordination-conflict');
    await context.close();
  }, 120_000);
});
