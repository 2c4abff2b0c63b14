/**
 * Issue 12's "done when", end to end on a server whose clock starts at 02:00 in Bangkok: the Mirror
 * member asks for a Burmese interpreter in Ranong, the unit's on-call officer is rung, nobody answers,
 * 15 minutes later the backup is rung and acknowledges from the emailed link, the requester's page
 * follows live, consent releases the vault to the unit only, the outcome is posted, the requester rates
 * it and the metrics count it. Thai, 390 px, axe, nothing scrolling sideways.
 */
import { randomBytes } from 'node:crypto';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../server/test/photo-fixtures.ts';
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
  chooseOption,
  createUserViaApi,
  DEMO_PASSWORD,
  FISHERIES,
  field,
  MIRROR,
  organisationId,
  pageReady,
  scrollWidth,
  signIn,
  th,
} from './helpers.ts';
import { startServer } from './server.ts';

const C = th.coordination;
const LABOUR = 'Department of Labour Protection and Welfare';
const UNIT_NAME = `ศูนย์ล่ามภาษาเมียนมา ระนอง (กลางคืน ${randomBytes(2).toString('hex')})`;
const NEEDS = 'ล่ามภาษาเมียนมาที่ สภ.เมืองระนอง ด่วนคืนนี้';
/** What only the vault may hold: it must reach the accepting unit and nobody else. */
const VICTIM_NAME = 'นางสาวมะเมี๊ยะ ทดสอบลับ';
const ACK_LINK = /https?:\/\/\S+\/coordination\/acknowledge#token=\S+/;

/** 02:00 in Bangkok tomorrow: ahead of real time, so the session cookies dated by it stay valid. */
function twoAmBangkokTomorrow(): string {
  const day = new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  return `${day}T02:00:00+07:00`;
}

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let admin: APIRequestContext;
type Person = Awaited<ReturnType<typeof createUserViaApi>> & { id: string };
let onCall: Person;
let backup: Person;
let unitId: string;

const stateBadge = (page: Page, state: string) => page.locator(`main [data-state="${state}"]`).first();

async function checkScreen(page: Page, name: string) {
  expect(await scrollWidth(page), name).toBeLessThanOrEqual(PHONE.width);
  await expectNoSeriousAxeViolations(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, name);
}

async function signedInPage(email: string, password = DEMO_PASSWORD) {
  const { context, page } = await newPage(browser, server.baseUrl, PHONE);
  page.setDefaultTimeout(30_000);
  await signIn(page, email, password);
  return { context, page };
}

async function officer(): Promise<Person> {
  const person = await createUserViaApi({ organisation: LABOUR, role: 'member', base: server.baseUrl });
  const own = await apiAs(person.email, person.password, server.baseUrl);
  const me = (await (await own.get('/api/v1/me')).json()) as { user: { id: string } };
  await own.dispose();
  return { ...person, id: me.user.id };
}

/** Escalation emails to `email`, newest first. */
async function escalationMails(email: string) {
  const res = await admin.get('/api/v1/outbox', { params: { limit: 100 } });
  const { items } = (await res.json()) as { items: { to: string; kind: string; text: string }[] };
  return items.filter((m) => m.to === email && m.kind === 'coordination_escalation');
}

async function requestNotices(person: Person, requestId: string) {
  const api = await apiAs(person.email, person.password, server.baseUrl);
  const res = await api.get('/api/v1/notifications', { params: { limit: 50 } });
  const { items } = (await res.json()) as {
    items: { request: { id: string; escalationTarget: string | null } | null }[];
  };
  await api.dispose();
  return items.filter((n) => n.request?.id === requestId);
}

beforeAll(async () => {
  server = await startServer({ TIPNET_TEST_CLOCK: twoAmBangkokTomorrow() });
  browser = await launchBrowser();
  admin = await apiAs(ADMIN, DEMO_PASSWORD, server.baseUrl);
}, 240_000);

/** Inside the test (the invitation helpers poll with expect): the officers, the unit and its roster. */
async function makeUnit() {
  [onCall, backup] = [await officer(), await officer()];
  // A Labour Protection unit in Ranong that interprets Burmese, on call tonight: one officer, one backup.
  const created = await admin.post('/api/v1/coordination/units', {
    data: {
      organisationId: await organisationId(admin, LABOUR),
      nameTh: UNIT_NAME,
      nameEn: `Burmese interpreters, Ranong (night ${UNIT_NAME.slice(-5, -1)})`,
      services: ['interpretation'],
      coverage: ['TH-85'],
      languages: ['th', 'my'],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  unitId = ((await created.json()) as { id: string }).id;
  for (const person of [onCall, backup]) {
    const joined = await admin.put(`/api/v1/coordination/units/${unitId}/members/${person.id}`, {
      data: { role: 'member' },
    });
    expect(joined.status(), await joined.text()).toBe(200);
  }
  const startsOn = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  for (const [level, person] of [
    ['primary', onCall],
    ['backup', backup],
  ] as const) {
    const layer = await admin.post(`/api/v1/coordination/units/${unitId}/roster/layers`, {
      data: {
        level,
        name: level === 'primary' ? 'เวรหลัก' : 'เวรสำรอง',
        rotation: 'weekly',
        handoverTime: '08:30',
        startsOn,
        memberIds: [person.id],
        restriction: null,
      },
    });
    expect(layer.status(), await layer.text()).toBe(201);
  }
}

afterAll(async () => {
  await admin?.dispose();
  await browser?.close();
  await server?.stop();
});

describe('a critical interpreter request in Ranong at 02:00', () => {
  it('reaches the backup when the on-call officer sleeps, and ends rated and counted', async () => {
    await makeUnit();
    // ---- 02:00: the Mirror member asks, picking the suggested unit ----
    const asker = await signedInPage(MIRROR);
    const a = asker.page;
    await a.goto('/coordination/new');
    await pageReady(a, C.new.title);
    const combo = (label: string) => a.getByRole('combobox', { name: label, exact: true });
    await chooseOption(a, combo(C.fields.type), 'ล่าม', 'ขอล่าม');
    await a.getByText('วิกฤต', { exact: true }).click();
    await chooseOption(a, combo(C.fields.province), 'ระนอง', 'ระนอง');
    await chooseOption(a, combo(C.fields.language), 'เมียนมา', 'เมียนมา');
    await field(a, C.fields.peopleCount).fill('1');
    await a.getByRole('group', { name: C.fields.sexes }).getByText(C.sexes.female).click();
    await field(a, C.fields.needs).fill(NEEDS);
    const suggested = a.getByRole('radio', { name: UNIT_NAME });
    await suggested.waitFor();
    await suggested.check();
    await checkScreen(a, 'night-1-new-request');
    await a.getByRole('button', { name: C.new.submit }).click();
    await a.waitForURL(/\/coordination\/requests\/[0-9a-f-]{36}$/);
    const requestId = new URL(a.url()).pathname.split('/').pop()!;
    await stateBadge(a, 'submitted').waitFor();
    await a.evaluate(() => {
      (window as unknown as { __stayed?: boolean }).__stayed = true;
    });
    // The requester puts the victim's name in the vault, not in the request.
    const mirrorApi = await apiAs(MIRROR, DEMO_PASSWORD, server.baseUrl);
    const entry = await mirrorApi.post(`/api/v1/coordination/requests/${requestId}/vault/entries`, {
      data: { kind: 'name', value: VICTIM_NAME },
    });
    expect(entry.status(), await entry.text()).toBe(201);
    // …and, on the phone, a photo of her passport (a small PNG carrying a GPS text the server removes).
    await a
      .locator('#vault input[type="file"]')
      .setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: tinyPng() });
    await a
      .locator('#vault')
      .getByText(/^รูปที่ 1 · PNG/)
      .waitFor();

    // ---- the on-call officer is rung (the escalation job's next pass) ----
    await server.advanceClock(1);
    await expect.poll(async () => (await escalationMails(onCall.email)).length).toBe(1);
    expect((await requestNotices(onCall, requestId)).map((n) => n.request?.escalationTarget)).toEqual([
      'on_call',
    ]);
    expect(await escalationMails(backup.email)).toEqual([]);
    const sleeper = await signedInPage(onCall.email, onCall.password);
    await sleeper.page.goto('/notifications');
    await pageReady(sleeper.page, th.notifications.title);
    await sleeper.page.locator(`main a[href="/coordination/requests/${requestId}"]`).waitFor();
    await checkScreen(sleeper.page, 'night-2-on-call-bell');
    await sleeper.context.close();

    // ---- nobody acknowledges; 15 minutes later the backup is rung ----
    await server.advanceClock(15);
    await expect.poll(async () => (await escalationMails(backup.email)).length).toBe(1);
    expect((await requestNotices(backup, requestId)).map((n) => n.request?.escalationTarget)).toEqual([
      'backup',
    ]);
    const [mail] = await escalationMails(backup.email);
    expect(mail!.text).not.toContain(VICTIM_NAME);
    expect(mail!.text).not.toContain('สภ.เมืองระนอง');
    const link = ACK_LINK.exec(mail!.text)![0];

    // ---- the backup acknowledges from the link, then accepts ----
    const unit = await signedInPage(backup.email, backup.password);
    const b = unit.page;
    await b.goto(link.replace(new URL(link).origin, ''));
    await b.getByText(th.oncall.ack.done).waitFor();
    await checkScreen(b, 'night-3-acknowledged-from-link');
    await stateBadge(a, 'acknowledged').waitFor();
    await expect.poll(() => a.getByTestId('acknowledged-by').textContent()).toContain(backup.displayName);
    await b.getByRole('link', { name: th.oncall.ack.open }).click();
    await b.waitForURL(`**/coordination/requests/${requestId}`);
    await b.getByRole('button', { name: C.moves.accepted, exact: true }).click();
    await stateBadge(b, 'accepted').waitFor();
    await stateBadge(a, 'accepted').waitFor();

    // ---- consent releases the vault to the accepting unit only ----
    const vault = b.locator('#vault');
    await field(vault, th.coordinationVault.consentPurpose).fill('นัดล่ามกับผู้เสียหาย');
    await vault.getByRole('button', { name: th.coordinationVault.recordConsent }).click();
    await field(vault, th.coordinationVault.purpose).fill('นัดล่ามกับผู้เสียหาย');
    await vault.getByRole('button', { name: th.coordinationVault.reveal }).click();
    await vault.getByText(VICTIM_NAME).waitFor();
    // The photo, tapped with its purpose, shows as a decoded image.
    await field(vault, th.coordinationVault.photos.purpose).fill('ยืนยันตัวตนก่อนนัดล่าม');
    await vault
      .getByRole('button', { name: th.coordinationVault.photos.viewNumber.replace('{{n}}', '1') })
      .click();
    const image = vault.getByRole('img', { name: th.coordinationVault.photos.alt.replace('{{n}}', '1') });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(2);
    await checkScreen(b, 'night-4-vault-released');
    const outsider = await apiAs(FISHERIES, DEMO_PASSWORD, server.baseUrl);
    const refused = await outsider.post(`/api/v1/coordination/requests/${requestId}/vault/reveal`, {
      data: { purpose: 'อยากรู้' },
    });
    expect(refused.status()).toBe(404);
    expect(await refused.text()).not.toContain(VICTIM_NAME);
    await outsider.dispose();

    // ---- the unit posts the outcome ----
    await b.getByRole('button', { name: C.moves.in_progress, exact: true }).click();
    await stateBadge(b, 'in_progress').waitFor();
    await b.getByRole('button', { name: C.moves.done, exact: true }).click();
    const dialog = b.getByRole('dialog');
    await dialog.getByText(C.outcomes.successful, { exact: true }).click();
    await dialog.getByRole('button', { name: C.moves.confirm }).click();
    await stateBadge(b, 'done').waitFor();

    // ---- the requester, still on the same page, sees it done and rates it ----
    await stateBadge(a, 'done').waitFor();
    expect(await a.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(true);
    const rating = a.locator('#rating');
    await rating.getByRole('radio', { name: '5', exact: true }).check();
    await field(rating, C.rating.comment).fill('ล่ามมาถึงภายในครึ่งชั่วโมง ขอบคุณมาก');
    await rating.getByRole('button', { name: C.rating.submit }).click();
    await a.getByText(C.rating.sent).waitFor();
    await a.getByTestId('rating').waitFor();
    await checkScreen(a, 'night-5-rated');
    await mirrorApi.dispose();

    // ---- the metrics page counts it ----
    const centre = await signedInPage(ADMIN);
    await centre.page.goto('/coordination/metrics');
    await pageReady(centre.page, th.coordinationSla.metrics.title);
    // The unit's card: the Mantine card whose text names it.
    const card = centre.page.locator('main .mantine-Card-root').filter({ hasText: UNIT_NAME });
    await expect.poll(() => card.textContent()).toContain('สำเร็จ 1');
    expect(await card.textContent()).toMatch(/คะแนนเฉลี่ย 5(\.0)? จาก 1 ครั้ง/);
    await checkScreen(centre.page, 'night-6-metrics');

    await Promise.all([asker.context.close(), unit.context.close(), centre.context.close()]);
  }, 480_000);
});
