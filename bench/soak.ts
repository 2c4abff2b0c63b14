/**
 * `npm run bench:soak`: a day of real load, compressed. Two server instances on one fresh PostgreSQL
 * database, and `--users` simulated people (default 200) spread over them, each doing what people do
 * with a pause between steps: 70 % reading the board, problems and the directory, 15 % searching with a
 * new query each time (as typed), 10 % commenting and supporting, 5 % the Centre's work (triage,
 * moderation queue, audit log, official answers). Prints p50/p95/p99 per operation, every error, and
 * each instance's memory after warm-up and at the end. Exits non-zero on any error or a stopped server.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isOpenState, OPEN_STATES, type ProblemState } from '../common/problems-taxonomy.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { buildOrganisation, buildUser } from '../server/demo/factories.ts';
import { createSession, SESSION_COOKIE } from '../server/platform/sessions.ts';
import { type RunningServer, type SyntheticSize, startServer, stopAll } from './server.ts';

const { values: flags } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    duration: { type: 'string', default: '600' },
    instances: { type: 'string', default: '2' },
    /** A simulated person's pause between two steps is drawn between `--think-ms` / 2 and × 1.5. */
    'think-ms': { type: 'string', default: '1500' },
    orgs: { type: 'string', default: '0' },
    people: { type: 'string', default: '0' },
    problems: { type: 'string', default: '0' },
    /** Write each instance's heap snapshot after warm-up and at the end here (compare: bench/heap-diff.ts). */
    'heap-snapshots': { type: 'string' },
  },
});
const USERS = Number(flags.users);
const DURATION_MS = Number(flags.duration) * 1000;
/** Memory is compared from the end of the warm-up, when caches and JIT have settled. */
const WARMUP_MS = Math.min(60_000, DURATION_MS / 5);
const THINK_MS = Number(flags['think-ms']);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error('bench:soak needs DATABASE_URL (a local PostgreSQL server)');
  process.exit(2);
}

type Role = 'member' | 'admin';
type Person = { role: Role; cookie: string; server: RunningServer; supported: Set<string> };
type Sample = { op: string; ms: number; status: number; at: number };

/** Words people type into the directory and the board, cut where a typist would be when a query goes out. */
const WORDS = [
  'แรงงาน',
  'ประมง',
  'ค้ามนุษย์',
  'ล่าม',
  'เมียนมา',
  'สถานคุ้มครอง',
  'ระนอง',
  'เด็ก',
  'เรือ',
  'ตำรวจ',
  'มูลนิธิ',
  'กรม',
  'ศูนย์',
  'คุ้มครอง',
  'จัดหางาน',
  'ผู้เสียหาย',
  'สงขลา',
  'เชียงใหม่',
  'กัมพูชา',
  'ลาว',
  'labour',
  'fisheries',
  'shelter',
  'interpreter',
  'police',
  'foundation',
  'child',
  'migrant',
  'victim',
  'vessel',
  'embassy',
  'hotline',
  'repatriation',
  'legal',
  'screening',
];

let queries = 0;
function freshQuery(): string {
  queries++;
  const word = WORDS[queries % WORDS.length]!;
  const typed = word.slice(0, 2 + (queries % Math.max(1, word.length - 1)));
  const second = WORDS[(queries * 7 + 3) % WORDS.length]!;
  return queries % 3 === 0 ? `${typed} ${second.slice(0, 2 + (queries % 4))}` : typed;
}

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

async function main() {
  const synthetic: SyntheticSize | undefined =
    Number(flags.orgs) > 0
      ? { orgs: Number(flags.orgs), people: Number(flags.people), problems: Number(flags.problems) }
      : undefined;
  const first = await startServer('postgres', adminUrl, synthetic, { inspect: true });
  const servers = [first];
  for (let i = 1; i < Number(flags.instances); i++)
    servers.push(await startServer('postgres', adminUrl, undefined, { join: first, inspect: true }));

  const people = await signInPeople(first, servers);
  // What a member sees and what the Centre sees differ (problems not yet reviewed, for one).
  const worlds = {
    member: await readWorld(people.find((p) => p.role === 'member')!),
    admin: await readWorld(people.find((p) => p.role === 'admin')!),
  };
  console.error(
    `soak: ${people.length} people on ${servers.length} instances for ${DURATION_MS / 1000} s ` +
      `(${worlds.admin.problems.length} problems, ${worlds.admin.organisations.length} organisations)`,
  );

  const started = Date.now();
  const samples: Sample[] = [];
  let memoryAfterWarmup: (Memory | undefined)[] = [];
  const warmup = setTimeout(async () => {
    memoryAfterWarmup = await Promise.all(servers.map(memoryOf));
    await snapshotHeaps(servers, 'warmup');
  }, WARMUP_MS);
  await Promise.all(people.map((person) => live(person, worlds[person.role], started, samples)));
  clearTimeout(warmup);
  const memoryAtEnd = await Promise.all(servers.map(memoryOf));
  await snapshotHeaps(servers, 'end');

  const measured = samples.filter((s) => s.at >= WARMUP_MS);
  const errors = samples.filter((s) => s.status < 200 || s.status >= 300);
  const report = {
    users: people.length,
    instances: servers.length,
    durationS: DURATION_MS / 1000,
    requests: samples.length,
    reqPerS: Math.round(samples.length / (DURATION_MS / 1000)),
    errors: errors.length,
    errorsByOpAndStatus: countBy(errors.map((e) => `${e.op} ${e.status}`)),
    latencyAfterWarmupMs: latencyTable(measured),
    memory: servers.map((_, i) => ({
      instance: i + 1,
      afterWarmupMb: memoryAfterWarmup[i],
      atEndMb: memoryAtEnd[i],
      rssGrowthPercent: growth(memoryAfterWarmup[i]?.rss, memoryAtEnd[i]?.rss),
      heapGrowthPercent: growth(memoryAfterWarmup[i]?.heapUsed, memoryAtEnd[i]?.heapUsed),
      // The read caches fill towards their budgets (versioned-cache.ts) long after warm-up on a day of new
      // searches; what grows beyond them is what would leak.
      heapGrowthBesidesCachesPercent: growth(
        besidesCaches(memoryAfterWarmup[i]),
        besidesCaches(memoryAtEnd[i]),
      ),
    })),
    serversRunning: servers.map((s) => s.isRunning()),
    serverLogWarnings: servers.reduce((n, s) => n + s.logProblems.count, 0),
    firstLogWarnings: servers.flatMap((s) => s.logProblems.first).slice(0, 3),
  };
  console.log(JSON.stringify(report, null, 2));
  await stopAll();
  if (errors.length > 0 || report.serversRunning.includes(false)) process.exit(1);
}

/** Accounts made straight in the database: the login limits (rightly) refuse 200 sign-ins a minute from one address. */
async function signInPeople(first: RunningServer, servers: RunningServer[]): Promise<Person[]> {
  const database = await openDatabase({ databaseUrl: first.databaseUrl, poolSize: 4 });
  const config = loadConfig({ NODE_ENV: 'development', SESSION_SECRET: first.sessionSecret });
  const now = new Date();
  const people: Person[] = [];
  try {
    const organisations = await Promise.all(
      Array.from({ length: Math.ceil(USERS / 10) }, (_, i) =>
        buildOrganisation(database.db, {
          nameTh: `องค์กรทดสอบโหลด ${i + 1}`,
          nameEn: `Soak organisation ${i + 1}`,
        }),
      ),
    );
    const centre = await buildOrganisation(database.db, { nameTh: 'ศูนย์ทดสอบโหลด', nameEn: 'Soak Centre' });
    for (let i = 0; i < USERS; i++) {
      // One person in twenty works at the Centre: the 5 % of load that is the Centre's work.
      const role: Role = i % 20 === 0 ? 'admin' : 'member';
      const user = await buildUser(database.db, {
        role,
        organisationId: role === 'admin' ? centre.id : organisations[i % organisations.length]!.id,
        email: `soak-${i}@soak.example`,
        displayName: `ผู้ทดสอบโหลด ${i + 1}`,
        passwordHash: 'soak: signs in by session only',
      });
      const session = await createSession(database.db, { config }, user.id, {
        now,
        ip: '127.0.0.1',
        userAgent: 'tipnet-soak',
      });
      people.push({
        role,
        cookie: `${SESSION_COOKIE}=${session.token}`,
        server: servers[i % servers.length]!,
        supported: new Set(),
      });
    }
  } finally {
    await database.close();
  }
  return people;
}

type World = { problems: { id: string; state: string }[]; organisations: string[] };

async function readWorld(admin: Person): Promise<World> {
  const problems: World['problems'] = [];
  for (let page = 0, cursor: string | null = null; page < 5; page++) {
    const body = await getJson(admin, `/api/v1/problems?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    problems.push(...body.items.map((p: { id: string; state: string }) => ({ id: p.id, state: p.state })));
    cursor = body.nextCursor ?? null;
    if (!cursor) break;
  }
  const orgs = await getJson(admin, '/api/v1/organizations?limit=100');
  return { problems, organisations: orgs.items.map((o: { id: string }) => o.id) };
}

async function getJson(person: Person, path: string) {
  const res = await fetch(`${person.server.baseUrl}${path}`, { headers: headersOf(person) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const headersOf = (person: Person, hasBody = false) => ({
  cookie: person.cookie,
  origin: person.server.baseUrl,
  'accept-encoding': 'br, gzip',
  ...(hasBody ? { 'content-type': 'application/json' } : {}),
});

type Step = { op: string; path: string; method?: 'POST' | 'DELETE'; body?: unknown };

function nextStep(person: Person, world: World, n: number): Step {
  const problem = pick(world.problems);
  const open = world.problems.filter((p) => isOpenState(p.state as ProblemState));
  const roll = Math.random();
  if (person.role === 'admin') return centreStep(world, n);
  if (roll < 0.7 / 0.95) {
    return pick<Step>([
      { op: 'board', path: '/api/v1/problems?limit=20' },
      { op: 'board-filtered', path: `/api/v1/problems?limit=20&state=${pick(OPEN_STATES)}` },
      { op: 'problem', path: `/api/v1/problems/${problem.id}` },
      { op: 'comments', path: `/api/v1/problems/${problem.id}/comments?limit=50` },
      { op: 'timeline', path: `/api/v1/problems/${problem.id}/timeline?limit=50` },
      { op: 'directory', path: '/api/v1/organizations?limit=20' },
      { op: 'org-page', path: `/api/v1/organizations/${pick(world.organisations)}` },
      { op: 'notifications', path: '/api/v1/notifications/unread-count' },
    ]);
  }
  if (roll < 0.85 / 0.95) {
    const q = encodeURIComponent(freshQuery());
    return Math.random() < 0.6
      ? { op: 'search-directory', path: `/api/v1/organizations?limit=20&q=${q}` }
      : { op: 'search-board', path: `/api/v1/problems?limit=20&q=${q}` };
  }
  const target = pick(open.length > 0 ? open : world.problems);
  const writeRoll = Math.random();
  if (writeRoll < 0.6)
    return {
      op: 'comment',
      method: 'POST',
      path: `/api/v1/problems/${target.id}/comments`,
      body: { body: `เราพบปัญหานี้เช่นกัน บันทึกการทดสอบโหลด ${n}` },
    };
  if (writeRoll < 0.85 || person.supported.size === 0) {
    person.supported.add(target.id);
    return { op: 'support', method: 'POST', path: `/api/v1/problems/${target.id}/support`, body: {} };
  }
  const supported = pick([...person.supported]);
  person.supported.delete(supported);
  return { op: 'unsupport', method: 'DELETE', path: `/api/v1/problems/${supported}/support` };
}

function centreStep(world: World, n: number): Step {
  const answerable = world.problems.filter((p) => p.state === 'assigned' || p.state === 'in_progress');
  const roll = Math.random();
  if (roll < 0.3) return { op: 'centre-triage', path: '/api/v1/problems?limit=20&view=triage' };
  if (roll < 0.5) return { op: 'centre-moderation', path: '/api/v1/problems/comment-reports?limit=20' };
  if (roll < 0.65) return { op: 'centre-audit', path: '/api/v1/audit-events?limit=50' };
  if (roll < 0.8 || answerable.length === 0)
    return { op: 'centre-accountability', path: '/api/v1/problems/accountability' };
  return {
    op: 'centre-answer',
    method: 'POST',
    path: `/api/v1/problems/${pick(answerable).id}/answers`,
    body: { bodyTh: `ศูนย์ฯ ได้ประสานหน่วยงานที่เกี่ยวข้องแล้ว (ทดสอบโหลด ${n})` },
  };
}

async function live(person: Person, world: World, started: number, samples: Sample[]) {
  // People arrive over the first seconds rather than all at once.
  await sleep(Math.random() * Math.min(10_000, WARMUP_MS));
  for (let n = 0; Date.now() - started < DURATION_MS; n++) {
    const step = nextStep(person, world, n);
    const begun = performance.now();
    let status = 0;
    try {
      const res = await fetch(`${person.server.baseUrl}${step.path}`, {
        method: step.method ?? 'GET',
        headers: headersOf(person, step.body !== undefined),
        ...(step.body === undefined ? {} : { body: JSON.stringify(step.body) }),
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      status = 0;
    }
    samples.push({ op: step.op, ms: performance.now() - begun, status, at: Date.now() - started });
    await sleep(THINK_MS * (0.5 + Math.random()));
  }
}

type Memory = { rss: number; heapUsed: number; caches: number };

/**
 * What the server keeps, not what it has yet to collect: the heap in use swings by hundreds of megabytes
 * between major collections under load, so the soak has V8 collect garbage (through the loopback
 * inspector) before reading it. RSS and the caches' size come from /metrics.
 */
async function memoryOf(server: RunningServer): Promise<Memory | undefined> {
  try {
    const liveHeap = server.inspectorUrl ? await collectedHeapBytes(server.inspectorUrl) : undefined;
    const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    const metric = (name: string) =>
      Number(text.match(new RegExp(`^${name} (\\d+(?:\\.\\d+)?)`, 'm'))?.[1] ?? 0);
    const caches = [...text.matchAll(/^tipnet_cache_bytes\{[^}]*\} (\d+)/gm)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    const mb = (bytes: number) => Math.round(bytes / 1_048_576);
    return {
      rss: mb(metric('process_resident_memory_bytes')),
      heapUsed: mb(liveHeap ?? metric('nodejs_heap_size_used_bytes')),
      caches: mb(caches),
    };
  } catch {
    return undefined; // a stopped server is reported with the log lines that say why
  }
}

/** HeapProfiler.collectGarbage, then Runtime.getHeapUsage, over the Chrome DevTools protocol. */
async function collectedHeapBytes(inspectorUrl: string): Promise<number> {
  return withInspector(inspectorUrl, async (call) => {
    await call('HeapProfiler.collectGarbage');
    return Number((await call('Runtime.getHeapUsage')).usedSize ?? 0);
  });
}

/** With --heap-snapshots: each instance's heap, written as `<dir>/instance-<n>-<moment>.heapsnapshot`. */
async function snapshotHeaps(servers: RunningServer[], moment: 'warmup' | 'end') {
  const dir = flags['heap-snapshots'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await Promise.all(
    servers.map(async (server, i) => {
      if (!server.inspectorUrl) return;
      const file = createWriteStream(join(dir, `instance-${i + 1}-${moment}.heapsnapshot`));
      await withInspector(
        server.inspectorUrl,
        (call) => call('HeapProfiler.takeHeapSnapshot'),
        (event) => {
          if (event.method === 'HeapProfiler.addHeapSnapshotChunk') file.write(String(event.params?.chunk));
        },
      );
      await new Promise((resolve) => file.end(resolve));
    }),
  );
}

type InspectorEvent = { method?: string; params?: Record<string, unknown> };
type InspectorCall = (method: string) => Promise<Record<string, unknown>>;

/** One loopback DevTools protocol session: calls answered by id, events passed to `onEvent`. */
async function withInspector<T>(
  inspectorUrl: string,
  use: (call: InspectorCall) => Promise<T>,
  onEvent: (event: InspectorEvent) => void = () => {},
): Promise<T> {
  const socket = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let nextId = 0;
  const waiting = new Map<number, (result: Record<string, unknown>) => void>();
  socket.addEventListener('message', (event: MessageEvent) => {
    const message = JSON.parse(String(event.data));
    if (message.id === undefined) onEvent(message);
    else waiting.get(message.id)?.(message.result ?? {});
  });
  const call: InspectorCall = (method) =>
    new Promise((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    return await use(call);
  } finally {
    socket.close();
  }
}

const besidesCaches = (m?: Memory) => (m ? m.heapUsed - m.caches : undefined);

const growth = (from?: number, to?: number) =>
  from && to !== undefined ? Math.round(((to - from) / from) * 1000) / 10 : null;

function latencyTable(samples: Sample[]) {
  const byOp = new Map<string, number[]>();
  for (const s of samples) {
    const list = byOp.get(s.op) ?? [];
    list.push(s.ms);
    byOp.set(s.op, list);
  }
  return Object.fromEntries(
    [...byOp.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([op, ms]) => {
        const sorted = ms.sort((a, b) => a - b);
        const at = (q: number) =>
          Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
        return [op, { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) }];
      }),
  );
}

function countBy(values: string[]) {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch(async (err) => {
  console.error(err);
  await stopAll();
  process.exit(1);
});
