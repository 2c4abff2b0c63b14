/**
 * An anonymous reporter stays anonymous when its organisation also takes part in other capacities: as an
 * assignee (moves the problem on, answers officially), as a supporter (of a problem merged into its own)
 * and as the reporter commenting. Told differentially: the same script runs in two worlds, one where Mirror
 * raised the problem anonymously and one where a third organisation did, and everything another
 * organisation can read (lead assignee's org admin and member, an embassy observer) must be the same in
 * both, ids aside. What Mirror does as an assignee or supporter then cannot tell who raised it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrganisationRow, outboxEmails } from '../../db/schema/index.ts';
import { openSse, type SseClient, unreadCounts } from '../../test/sse-client.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

const MINUTE = 60_000;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
type Reporter = 'mirror' | 'third';
const VIEWERS = ['fisheriesAdmin', 'fisheriesMember', 'observer'] as const;
type Viewer = (typeof VIEWERS)[number];

const ORGANISATIONS = {
  centre: { nameTh: 'ศูนย์ทดสอบ', nameEn: 'Centre Test', abbreviation: 'CTR', sector: 'government' },
  mirror: {
    nameTh: 'มูลนิธิกระจกเงา',
    nameEn: 'Mirror Foundation',
    abbreviation: 'MRR',
    sector: 'civil_society',
  },
  third: {
    nameTh: 'มูลนิธิเพื่อนหญิงทดสอบ',
    nameEn: 'Friends of Women Test',
    abbreviation: 'FOW',
    sector: 'civil_society',
  },
  fisheries: {
    nameTh: 'กรมประมงทดสอบ',
    nameEn: 'Department of Fisheries Test',
    abbreviation: 'DOF',
    sector: 'government',
  },
  labour: {
    nameTh: 'กรมแรงงานทดสอบ',
    nameEn: 'Labour Protection Test',
    abbreviation: 'DLP',
    sector: 'government',
  },
  embassy: { nameTh: 'สถานทูตทดสอบ', nameEn: 'Test Embassy', abbreviation: 'EMB', sector: 'international' },
} as const;
type OrgKey = keyof typeof ORGANISATIONS;

/** Everything one viewer of another organisation can read, by name of the read. */
type Seen = Record<string, unknown>;

/** The notifications module fans events out on its own (NOTIFY); waits until it has done every one. */
async function fannedOut(t: TestApp) {
  const pending = async () => {
    const [row] = (await t.deps.database.query(
      'select count(*)::int as n from problem_events e where not exists (select 1 from notification_dispatches d where d.event_id = e.id)',
    )) as { n: number }[];
    return row!.n;
  };
  const start = Date.now();
  while ((await pending()) > 0) {
    if (Date.now() - start > 10_000) throw new Error('timeline events not fanned out in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function buildWorld(reporterIs: Reporter) {
  const t = await buildTestApp();
  const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const orgs = {} as Record<OrgKey, OrganisationRow>;
  for (const key of Object.keys(ORGANISATIONS) as OrgKey[])
    orgs[key] = await t.buildOrganisation(ORGANISATIONS[key]);
  const person = (org: OrgKey, role: 'admin' | 'org_admin' | 'member' | 'observer', displayName: string) =>
    t.signedIn({ organisationId: orgs[org].id, role, displayName, language: 'en' });
  const people = {
    admin: await person('centre', 'admin', 'Centre Admin'),
    // The person who raises the problem: of Mirror in one world, of the third organisation in the other.
    reporter: await person(reporterIs, 'member', 'Reporting Person'),
    mirrorAdmin: await person('mirror', 'org_admin', 'Mirror Admin'),
    mirrorAnswerer: await person('mirror', 'member', 'Mirror Answerer'),
    fisheriesAdmin: await t.signedIn({
      organisationId: orgs.fisheries.id,
      role: 'org_admin',
      displayName: 'Fisheries Admin',
      language: 'th',
    }),
    fisheriesMember: await person('fisheries', 'member', 'Fisheries Member'),
    labourMember: await person('labour', 'member', 'Labour Member'),
    observer: await person('embassy', 'observer', 'Embassy Observer'),
  };
  const streams: Partial<Record<Viewer, SseClient>> = {};
  for (const v of VIEWERS) streams[v] = await openSse(base, '/api/v1/notifications/stream', people[v].cookie);

  const step = async (method: 'POST' | 'PUT', url: string, by: Who, body?: unknown) => {
    t.clock.advance(MINUTE); // every act at its own minute: the same order in both worlds
    const res = await t.request(method, url, { cookie: by.cookie, body });
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    // Fanned out within the act's minute in both worlds, however late the dispatcher wakes (PostgreSQL's NOTIFY).
    await fannedOut(t);
    return res.body;
  };

  const a = await step('POST', '/api/v1/problems', people.reporter, {
    type: 'problem',
    title: 'ลูกเรือประมงถูกยึดเอกสารประจำตัวที่ท่าเรือสงขลา',
    body: 'ไต้ก๋งเก็บหนังสือเดินทางของลูกเรือไว้ตลอดการเดินเรือ',
    category: 'victim_identification',
    provinces: ['TH-90'],
    sectors: ['government', 'civil_society'],
    anonymous: true,
  });
  const b = await step('POST', '/api/v1/problems', people.labourMember, {
    type: 'problem',
    title: 'ลูกเรือถูกยึดหนังสือเดินทางที่สงขลา',
    body: 'พบซ้ำหลายลำ',
    category: 'victim_identification',
    sectors: ['government'],
  });
  // Mirror also faces the problem merged into its own later on.
  await step('POST', `/api/v1/problems/${b.id}/support`, people.mirrorAnswerer, { context: 'พบที่ปัตตานีด้วย' });
  await step('POST', `/api/v1/problems/${b.id}/support`, people.fisheriesMember, {});
  await step('POST', `/api/v1/problems/${a.id}/follow`, people.observer);
  // Emailed at once of what it follows (a daily digest tells the same lines).
  await step('PUT', '/api/v1/notifications/preferences', people.observer, {
    myProblems: 'immediately',
    assignedToMyOrganisation: 'immediately',
    followed: 'immediately',
    mentions: 'immediately',
  });
  await step('POST', `/api/v1/problems/${a.id}/assign`, people.admin, {
    organisationIds: [orgs.fisheries.id, orgs.mirror.id],
    leadOrganisationId: orgs.fisheries.id,
  });
  // Mirror as an assignee: moves it on and answers, as Fisheries does.
  await step('POST', `/api/v1/problems/${a.id}/transitions`, people.mirrorAdmin, { to: 'in_progress' });
  await step('POST', `/api/v1/problems/${a.id}/answers`, people.mirrorAnswerer, {
    bodyTh: 'ประสานทนายความให้ลูกเรือแล้ว',
  });
  await step('POST', `/api/v1/problems/${a.id}/answers`, people.fisheriesAdmin, {
    bodyTh: 'ตรวจเรือทั้งหมดในท่าแล้ว',
  });
  // The reporter speaks as the reporter.
  await step('POST', `/api/v1/problems/${a.id}/comments`, people.reporter, { body: 'เพิ่มเติม: พบอีกสามลำ' });
  await step('POST', `/api/v1/problems/${a.id}/comments`, people.fisheriesMember, { body: 'ขอรายชื่อเรือ' });
  await step('POST', `/api/v1/problems/${b.id}/transitions`, people.admin, {
    to: 'duplicate',
    duplicateOfId: a.id,
  });
  await fannedOut(t);

  const get = async (url: string, who: Who) => {
    const res = await t.request('GET', url, { cookie: who.cookie, headers: { 'cache-control': 'no-cache' } });
    expect(res.status, url).toBe(200);
    return typeof res.body === 'string' ? res.body : res.body;
  };
  const q = (text: string) => `/api/v1/problems?limit=100&q=${encodeURIComponent(text)}`;
  const seen = {} as Record<Viewer, Seen>;
  for (const v of VIEWERS) {
    const who = people[v];
    const unread = (await get('/api/v1/notifications/unread-count', who)).unread as number;
    const stream = streams[v]!;
    await stream.waitFor((f) => f.event === 'unread' && JSON.parse(f.data).unread === unread);
    seen[v] = {
      board: await get('/api/v1/problems?limit=100', who),
      boardAssignedToMirror: await get(
        `/api/v1/problems?limit=100&assignedOrganisationId=${orgs.mirror.id}`,
        who,
      ),
      searchTitle: await get(q('ลูกเรือ'), who),
      searchBody: await get(q('หนังสือเดินทาง'), who),
      searchMirrorTh: await get(q(ORGANISATIONS.mirror.nameTh), who),
      searchMirrorEn: await get(q(ORGANISATIONS.mirror.nameEn), who),
      detail: await get(`/api/v1/problems/${a.id}`, who),
      duplicateDetail: await get(`/api/v1/problems/${b.id}`, who),
      timeline: await get(`/api/v1/problems/${a.id}/timeline?limit=100`, who),
      duplicateTimeline: await get(`/api/v1/problems/${b.id}/timeline?limit=100`, who),
      comments: await get(`/api/v1/problems/${a.id}/comments?limit=100`, who),
      notifications: await get('/api/v1/notifications?limit=100', who),
      unread,
      stream: unreadCounts(stream).at(-1),
      accountability: await get('/api/v1/problems/accountability', who),
      accountabilityCsv: (
        await t.request('GET', '/api/v1/problems/accountability.csv', { cookie: who.cookie })
      ).raw.body,
      accountabilityOverdueCsv: (
        await t.request('GET', '/api/v1/problems/accountability.csv?table=overdue&lang=th', {
          cookie: who.cookie,
        })
      ).raw.body,
    };
  }
  for (const s of Object.values(streams)) s.close();

  for (const v of VIEWERS) {
    const mails = await t.db.select().from(outboxEmails).where(eq(outboxEmails.to, people[v].user.email));
    seen[v]!.emails = mails
      .map((m) => ({ kind: m.kind, subject: m.subject, text: m.text, html: m.html }))
      .sort((x, y) => `${x.subject}${x.text}`.localeCompare(`${y.subject}${y.text}`));
  }

  /** The serialized reads with ids named: organisations and people by their part, the rest by first use. */
  function normalised(viewer: Viewer) {
    let text = JSON.stringify(seen[viewer]);
    for (const [key, org] of Object.entries(orgs)) text = text.replaceAll(org.id, `<org:${key}>`);
    for (const [key, p] of Object.entries(people))
      text = text.replaceAll(p.user.id, `<user:${key}>`).replaceAll(p.user.email, `<email:${key}>`);
    const others = new Map<string, string>();
    return JSON.parse(
      text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
        if (!others.has(id)) others.set(id, `<id:${others.size}>`);
        return others.get(id)!;
      }),
    );
  }

  return { t, orgs, people, a: a.id as string, b: b.id as string, seen, normalised };
}

type World = Awaited<ReturnType<typeof buildWorld>>;
let mirrorWorld: World;
let thirdWorld: World;

// Two worlds, each a server that walks every output an organisation can reach: well over a minute when
// CI's machine is busy.
beforeAll(async () => {
  mirrorWorld = await buildWorld('mirror');
  thirdWorld = await buildWorld('third');
}, 180_000);
afterAll(async () => {
  await mirrorWorld?.t.close();
  await thirdWorld?.t.close();
});

const secretsOf = (w: World, org: OrgKey) => [
  w.orgs[org].id,
  ORGANISATIONS[org].nameTh,
  ORGANISATIONS[org].nameEn,
  ORGANISATIONS[org].abbreviation,
];
const reporterSecrets = (w: World) => [
  w.people.reporter.user.id,
  'Reporting Person',
  w.people.reporter.user.email,
];
const items = (page: unknown) => (page as { items: any[] }).items;
/** The shape of a view: its keys, recursively, with null told apart from a value. */
const shape = (v: unknown): unknown =>
  v === null
    ? null
    : Array.isArray(v)
      ? v.map(shape)
      : typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as object)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, x]) => [k, shape(x)]),
          )
        : typeof v;

describe('an anonymous reporter that is also an assignee, a supporter and a commenter', () => {
  it('shows other organisations exactly what they would see if another organisation had raised it', () => {
    for (const v of VIEWERS) {
      const mirror = mirrorWorld.normalised(v);
      const third = thirdWorld.normalised(v);
      for (const read of Object.keys(third)) expect(mirror[read], `${v} ${read}`).toEqual(third[read]);
    }
  });

  it('never names a third organisation that raised it anonymously, in any read, stream or email', () => {
    for (const v of VIEWERS) {
      const text = JSON.stringify(thirdWorld.seen[v]);
      for (const secret of [...secretsOf(thirdWorld, 'third'), ...reporterSecrets(thirdWorld)])
        expect(text, `${v}: ${secret}`).not.toContain(secret);
    }
  });

  it('keeps Mirror out of the reporter fields, the raising and its reporter comments', () => {
    const w = mirrorWorld;
    for (const v of VIEWERS) {
      const s = w.seen[v];
      const text = JSON.stringify(s);
      for (const secret of reporterSecrets(w)) expect(text, `${v}: ${secret}`).not.toContain(secret);
      for (const read of ['board', 'searchTitle', 'searchBody', 'boardAssignedToMirror'] as const)
        for (const item of items(s[read]).filter((i) => i.id === w.a))
          expect(item, `${v} ${read}`).toMatchObject({
            anonymous: true,
            reporterOrganisation: null,
            mine: false,
          });
      expect(s.detail).toMatchObject({ reporterOrganisation: null, reporter: null, mine: false });
      // Mirror's name is nowhere in what the search indexes.
      expect(items(s.searchMirrorTh)).toEqual([]);
      expect(items(s.searchMirrorEn)).toEqual([]);
      const raised = items(s.timeline).find((e) => e.kind === 'raised');
      expect(raised).toMatchObject({ actor: null, actorOrganisation: null, data: { byReporter: true } });
      const [byReporter] = items(s.comments).filter((c) => c.byReporter);
      expect(byReporter).toMatchObject({ author: null, authorOrganisation: null });
      expect(JSON.stringify(byReporter)).not.toContain(w.orgs.mirror.id);
    }
  });
});

describe('answers and moves of the reporting organisation as an assignee', () => {
  it('lists its official answer in the same shape as any other assignee’s, author named', () => {
    const w = mirrorWorld;
    for (const v of VIEWERS) {
      const answers = (w.seen[v].detail as { answers: any[] }).answers;
      const mirrors = answers.find((x) => x.organisation.id === w.orgs.mirror.id);
      const fisheries = answers.find((x) => x.organisation.id === w.orgs.fisheries.id);
      expect(mirrors.author, v).toEqual({
        id: w.people.mirrorAnswerer.user.id,
        displayName: 'Mirror Answerer',
      });
      expect(shape(mirrors), v).toEqual(shape(fisheries));
    }
  });

  it('tells its answers and its move to in progress on the timeline as any assignee’s', () => {
    const w = mirrorWorld;
    for (const v of VIEWERS) {
      const timeline = items(w.seen[v].timeline);
      const answered = timeline.filter((e) => e.kind === 'answered');
      expect(answered.map((e) => e.actorOrganisation?.id)).toEqual([w.orgs.mirror.id, w.orgs.fisheries.id]);
      expect(shape(answered[0]), v).toEqual(shape(answered[1]));
      for (const e of answered) expect(e.data.byReporter, v).toBeUndefined();
      const moved = timeline.find((e) => e.kind === 'state_changed' && e.data.to === 'in_progress');
      expect(moved, v).toMatchObject({
        actor: { id: w.people.mirrorAdmin.user.id, displayName: 'Mirror Admin' },
        actorOrganisation: { id: w.orgs.mirror.id },
      });
      expect(moved.data.byReporter).toBeUndefined();
    }
  });

  it('notifies and emails others of its answer as of any assignee’s, not as the reporter’s', () => {
    const w = mirrorWorld;
    const answeredNotices = (v: Viewer) =>
      items(w.seen[v].notifications).filter((n) => n.kind === 'answered' && n.problem.id === w.a);
    // The observer follows: told of both answers.
    const [fisheries, mirror] = answeredNotices('observer');
    expect(mirror).toMatchObject({ actorOrganisation: { id: w.orgs.mirror.id }, byReporter: false });
    expect(shape(mirror)).toEqual(shape(fisheries));
    expect(answeredNotices('fisheriesAdmin')).toEqual([
      expect.objectContaining({
        actorOrganisation: expect.objectContaining({ id: w.orgs.mirror.id }),
        byReporter: false,
      }),
    ]);
    const mails = (v: Viewer) => (w.seen[v].emails as { text: string }[]).map((m) => m.text).join('\n');
    expect(mails('fisheriesAdmin')).toContain(`${ORGANISATIONS.mirror.nameTh} ตอบอย่างเป็นทางการ`);
    expect(mails('fisheriesAdmin')).not.toContain('ผู้แจ้งเรื่อง ตอบอย่างเป็นทางการ');
    expect(mails('observer')).toContain(`${ORGANISATIONS.mirror.nameEn} posted an official answer`);
    expect(mails('observer')).not.toContain('The reporter posted an official answer');
  });
});

describe('merging a duplicate supported by the anonymous reporter', () => {
  it('moves the reporter organisation’s support like any other and counts it', () => {
    const w = mirrorWorld;
    for (const v of VIEWERS) {
      const detail = w.seen[v].detail as { supportCount: number; supporters: { organisations: any[] } };
      expect(detail.supportCount, v).toBe(2);
      expect(detail.supporters.organisations.map((s) => s.organisation.id).sort()).toEqual(
        [w.orgs.mirror.id, w.orgs.fisheries.id].sort(),
      );
      const merged = items(w.seen[v].timeline).find((e) => e.kind === 'supports_merged');
      expect(merged.data).toEqual({ duplicateId: w.b, moved: 2 });
    }
  });
});

describe('those who may know the reporter', () => {
  it('still shows the Centre and the reporting organisation who raised it and who commented', async () => {
    const w = mirrorWorld;
    for (const who of [w.people.admin, w.people.mirrorAdmin]) {
      who.cookie = await w.t.login(who.user.email, who.user.password);
      const detail = await w.t.request('GET', `/api/v1/problems/${w.a}`, { cookie: who.cookie });
      expect(detail.body).toMatchObject({
        reporterOrganisation: { id: w.orgs.mirror.id },
        reporter: { id: w.people.reporter.user.id },
      });
      const timeline = await w.t.request('GET', `/api/v1/problems/${w.a}/timeline?limit=100`, {
        cookie: who.cookie,
      });
      const raised = items(timeline.body).find((e) => e.kind === 'raised');
      expect(raised).toMatchObject({ actorOrganisation: { id: w.orgs.mirror.id }, data: {} });
      expect(raised.data.byReporter).toBeUndefined();
      const comments = await w.t.request('GET', `/api/v1/problems/${w.a}/comments`, { cookie: who.cookie });
      expect(items(comments.body).find((c) => c.byReporter)).toMatchObject({
        author: { id: w.people.reporter.user.id },
        authorOrganisation: { id: w.orgs.mirror.id },
      });
    }
  });
});

describe('the Centre raising a problem anonymously', () => {
  it('shows its triage and assignment as the Centre’s, not as the reporter’s', async () => {
    const w = mirrorWorld;
    const { admin, fisheriesAdmin } = w.people;
    for (const who of [admin, fisheriesAdmin])
      who.cookie = await w.t.login(who.user.email, who.user.password);
    const raised = await w.t.request('POST', '/api/v1/problems', {
      cookie: admin.cookie,
      body: {
        type: 'problem',
        title: 'ศูนย์พักพิงชายไม่พอในภาคใต้',
        body: 'ผู้เสียหายชายต้องพักในสถานีตำรวจ',
        category: 'shelter_protection',
        sectors: ['government'],
        anonymous: true,
      },
    });
    expect(raised.status).toBe(201);
    const id = raised.body.id as string;
    w.t.clock.advance(MINUTE);
    const assigned = await w.t.request('POST', `/api/v1/problems/${id}/assign`, {
      cookie: admin.cookie,
      body: { organisationIds: [w.orgs.fisheries.id], leadOrganisationId: w.orgs.fisheries.id },
    });
    expect(assigned.status).toBe(200);
    const timeline = await w.t.request('GET', `/api/v1/problems/${id}/timeline`, {
      cookie: fisheriesAdmin.cookie,
    });
    const [raisedEvent, assignedEvent] = items(timeline.body);
    expect(raisedEvent).toMatchObject({
      kind: 'raised',
      actorOrganisation: null,
      data: { byReporter: true },
    });
    // Only the Centre assigns: "assigned by the reporter" would name it.
    expect(assignedEvent).toMatchObject({ kind: 'assigned', actorOrganisation: { id: w.orgs.centre.id } });
    expect(assignedEvent.data.byReporter).toBeUndefined();
  });
});
