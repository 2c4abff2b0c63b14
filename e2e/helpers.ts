/** Shared steps of the browser specs: signing in and out, and making fresh users through the API. */
import { randomBytes } from 'node:crypto';
import { type APIRequestContext, type Locator, type Page, request } from 'playwright-core';
import { expect, inject } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../common/privacy-notice.ts';
import { en as enTexts, th as thTexts } from '../web/locales/all-texts.ts';
import { DEMO_PASSWORD } from './server.ts';

export { DEMO_PASSWORD };
export const th = thTexts;
export const en = enTexts;

export const ADMIN = 'admin@tipnet.example';
export const FISHERIES = 'fisheries@tipnet.example';
export const MIRROR = 'mirror@tipnet.example';
export const EMBASSY = 'embassy@tipnet.example';
export const ADMIN_NAME = 'ผู้ดูแล ศพดส. (ตัวอย่าง/Demo)';

/** The pages of the signed-in app as the demo admin sees them, each with its h1. */
export const ADMIN_PAGES = [
  { name: 'home', path: '/', title: fill(th.home.welcome, { name: ADMIN_NAME }) },
  { name: 'organisations', path: '/organisations', title: th.organisations.title },
  { name: 'tasks', path: '/tasks', title: th.directory.tasks.title },
  { name: 'verification', path: '/verification', title: th.directory.verification.title },
  { name: 'users', path: '/users', title: th.users.title },
  { name: 'audit', path: '/audit', title: th.audit.title },
  { name: 'outbox', path: '/outbox', title: th.outbox.title },
  { name: 'settings', path: '/settings', title: th.settings.title },
] as const;

/** The pages before signing in. */
export const PUBLIC_PAGES = [
  { name: 'login', path: '/login', title: th.login.title },
  { name: 'forgot-password', path: '/forgot-password', title: th.forgotPassword.title },
  { name: 'privacy', path: '/privacy', title: th.privacyNotice.title },
] as const;

/** The server started by global-setup.ts for this run. */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** An address nobody else in this run (or an earlier run against the same database) uses. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@e2e.example`;
}

/** Long, random and not on any common-password list. */
export function uniquePassword(): string {
  return `ขบวนรถไฟ-${randomBytes(6).toString('hex')}-Chiang-Mai`;
}

/** Replaces `{{name}}` placeholders like i18next does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/**
 * The input labelled exactly `label`. Playwright matches a label's whole text, and Mantine appends a
 * hidden " *" to required fields, so `{ exact: true }` alone would miss those.
 */
export function field(scope: Page | Locator, label: string) {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));
}

/**
 * Picks the option labelled exactly `option` in a searchable Mantine Select, after typing `search` into it.
 * Options may show more than their label (the audit log adds the action code), so match the label's text.
 */
export async function chooseOption(page: Page, input: Locator, search: string, option: string) {
  await input.fill(search);
  await page
    .getByRole('option')
    .filter({ has: page.getByText(option, { exact: true }) })
    .click();
  await expect.poll(() => input.inputValue()).toBe(option);
}

/** Email and password on the sign-in page; returns once the page has left /login. */
export async function submitCredentials(page: Page, email: string, password = DEMO_PASSWORD) {
  await field(page, th.fields.email).fill(email);
  await field(page, th.fields.password).fill(password);
  await page.getByRole('button', { name: th.login.submit, exact: true }).click();
}

/** Signs in from the login page in Thai, ending on the page the app sends the user to. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await submitCredentials(page, email, password);
  await page.waitForURL((url) => url.pathname !== '/login');
  await accountMenu(page).waitFor();
}

/** The avatar button in the header that opens the account menu (named after the user, any language). */
export function accountMenu(page: Page) {
  const prefixes = [th, en].map((labels) => escapeRegExp(labels.shell.accountMenu.split('{{')[0]!));
  return page.getByRole('button', { name: new RegExp(`^(${prefixes.join('|')})`) });
}

/** Signs out through the account menu in the header; `labels` is the current UI language. */
export async function signOut(page: Page, labels: typeof th = th) {
  await accountMenu(page).click();
  await page.getByRole('menuitem', { name: labels.shell.signOut }).click();
  await page.waitForURL('**/login');
  await page.getByRole('heading', { name: labels.login.title }).waitFor();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An API client signed in as `email`; state-changing calls carry our Origin like a browser would. `base`:
 * a spec's own server (startServer), else the run's.
 */
export async function apiAs(
  email: string,
  password = DEMO_PASSWORD,
  base = baseUrl(),
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } });
  const login = await api.post('/api/v1/auth/login', { data: { email, password } });
  expect(login.status(), await login.text()).toBe(200);
  return api;
}

interface OutboxEmail {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

/** The newest email in the outbox addressed to `to`, waiting for it to be queued. */
export async function outboxEmailTo(admin: APIRequestContext, to: string): Promise<OutboxEmail> {
  let found: OutboxEmail | undefined;
  await expect
    .poll(async () => {
      const res = await admin.get('/api/v1/outbox', { params: { limit: 100 } });
      const { items } = (await res.json()) as { items: OutboxEmail[] };
      found = items.find((email) => email.to === to);
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

/** The first http(s) link in an email text. */
export function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`No link in email:\n${text}`);
  return match[0];
}

export async function organisationId(api: APIRequestContext, nameEn: string): Promise<string> {
  const res = await api.get('/api/v1/organizations', { params: { limit: 100 } });
  const { items } = (await res.json()) as { items: { id: string; nameEn: string }[] };
  const organisation = items.find((o) => o.nameEn === nameEn);
  if (!organisation) throw new Error(`No organisation named ${nameEn}`);
  return organisation.id;
}

/** Invites a fresh address through the API as the demo admin; returns the link from the email. */
export async function inviteViaApi(options: {
  email?: string;
  organisation?: string;
  role?: 'admin' | 'org_admin' | 'member' | 'observer';
  language?: 'th' | 'en';
  base?: string;
}) {
  const email = options.email ?? uniqueEmail('invitee');
  const admin = await apiAs(ADMIN, DEMO_PASSWORD, options.base);
  try {
    const res = await admin.post('/api/v1/invitations', {
      data: {
        email,
        organisationId: await organisationId(admin, options.organisation ?? 'Mirror Foundation'),
        role: options.role ?? 'member',
        language: options.language ?? 'th',
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const link = linkIn((await outboxEmailTo(admin, email)).text);
    return { email, link };
  } finally {
    await admin.dispose();
  }
}

/** A brand-new member, made by invitation and acceptance through the API, so specs never share users. */
export async function createUserViaApi(
  options: {
    organisation?: string;
    role?: 'org_admin' | 'member' | 'observer';
    language?: 'th' | 'en';
    base?: string;
  } = {},
) {
  const { email, link } = await inviteViaApi(options);
  const token = new URL(link).hash.replace(/^#token=/, '');
  const password = uniquePassword();
  const displayName = `ผู้ทดสอบ ${randomBytes(2).toString('hex')}`;
  const anonymous = await request.newContext({ baseURL: options.base ?? baseUrl() });
  try {
    const res = await anonymous.post('/api/v1/invitations/accept', {
      data: {
        token,
        displayName,
        password,
        language: options.language ?? 'th',
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      },
    });
    expect(res.status(), await res.text()).toBe(200);
  } finally {
    await anonymous.dispose();
  }
  return { email, password, displayName };
}

/** Whether the page scrolls sideways, the classic phone-layout bug. */
export async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement?.scrollWidth ?? document.body.scrollWidth);
}

/** Opens `path` and waits until its h1 is shown and nothing on it is still loading. */
export async function openPage(page: Page, path: string, title: string) {
  await page.goto(path);
  await pageReady(page, title);
}

export async function pageReady(page: Page, title: string) {
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await expect
    .poll(() => page.locator('.mantine-Loader-root, [aria-busy="true"]').count(), { timeout: 15_000 })
    .toBe(0);
}

/** On an organisation page: the focal-point roles `personName` held that now show as vacant. */
export function vacantRolesOf(page: Page, personName: string): Locator {
  return page
    .locator('#people li')
    .filter({ hasText: personName })
    .filter({ hasText: th.directory.org.vacant });
}
