/**
 * Coordination units with on-call rosters and open, unacknowledged requests, for the escalation tick
 * scenario (`--coordination <n>`). One unit per 50 requests (at least 10), each with three members (one a
 * head) who cannot sign in, a primary and a backup layer; the first unit belongs to the demo Mirror member's
 * organisation and has that member too, so the inbox and request-page scenarios (signed in as them) read it.
 * Requests of every urgency spread over the last two days. The escalation queue is set as a running system leaves it: each request somewhere along its steps,
 * its next step due within the coming hour, so a tick finds only what is really due.
 */
import { eq, sql } from 'drizzle-orm';
import {
  ESCALATION_POLICY,
  escalationSchedule,
  SLA_POLICY_VERSION,
  URGENCY_CODES,
} from '../../common/coordination-states.ts';
import type { Db } from '../../server/db/client.ts';
import {
  coordinationRequests,
  coordinationRosterLayers,
  coordinationUnitMembers,
  coordinationUnits,
  organisations,
  users,
} from '../../server/db/schema/index.ts';
import type { makeRandom } from './random.ts';

type Random = ReturnType<typeof makeRandom>;
/** The demo member `npm run bench` signs in as (bench/server.ts). */
const BENCH_MEMBER_EMAIL = 'mirror@tipnet.example';
const ROWS_PER_INSERT = 500;

const uuid = (random: Random) =>
  'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = random.int(0, 15);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });

export async function generateSyntheticCoordination(
  db: Db,
  random: Random,
  options: { requests: number; now: Date },
) {
  const { now } = options;
  const unitCount = Math.max(10, Math.ceil(options.requests / 50));
  const orgs = await db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(organisations.id)
    .limit(unitCount);
  const requester = await db
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .limit(1);
  if (orgs.length === 0 || !requester[0])
    throw new Error('synthetic coordination: seed the demo network first');
  // The member the bench signs in as works in the first unit, so it reads that unit's inbox and requests.
  const [benchMember] = await db
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .where(eq(users.email, BENCH_MEMBER_EMAIL));
  const unitIds: string[] = [];
  for (let i = 0; i < unitCount; i += 100) {
    const batch = Array.from({ length: Math.min(100, unitCount - i) }, (_, j) => i + j);
    await db.transaction(async (tx) => {
      const unitRows = batch.map((n) => ({
        id: uuid(random),
        organisationId: n === 0 && benchMember ? benchMember.organisationId : orgs[n % orgs.length]!.id,
        nameTh: `หน่วยประสานงานสังเคราะห์ ${n + 1}`,
        nameEn: `Synthetic coordination unit ${n + 1}`,
        services: ['interpretation', 'shelter'] as ('interpretation' | 'shelter')[],
        coverage: ['nationwide'] as 'nationwide'[],
        languages: ['th', 'my'] as ('th' | 'my')[],
        createdAt: now,
        updatedAt: now,
      }));
      await tx.insert(coordinationUnits).values(unitRows);
      const people = unitRows.flatMap((u, k) =>
        [0, 1, 2].map((m) => ({
          id: uuid(random),
          organisationId: u.organisationId,
          email: `unit-${batch[k]}-${m}@synthetic.example`,
          displayName: `เจ้าหน้าที่สังเคราะห์ ${batch[k]}-${m}`,
          role: 'member' as const,
          passwordHash: 'synthetic-cannot-sign-in',
          active: true,
          createdAt: now,
          updatedAt: now,
          unitId: u.id,
          head: m === 2,
        })),
      );
      await tx.insert(users).values(people.map(({ unitId: _, head: __, ...p }) => p));
      await tx.insert(coordinationUnitMembers).values([
        ...people.map((p) => ({
          unitId: p.unitId,
          userId: p.id,
          role: p.head ? ('head' as const) : ('member' as const),
          createdAt: now,
        })),
        ...(batch[0] === 0 && benchMember
          ? [{ unitId: unitRows[0]!.id, userId: benchMember.id, role: 'member' as const, createdAt: now }]
          : []),
      ]);
      await tx.insert(coordinationRosterLayers).values(
        unitRows.flatMap((u) => {
          const [a, b] = people.filter((p) => p.unitId === u.id);
          const layer = {
            unitId: u.id,
            rotation: 'daily' as const,
            handoverTime: '08:30',
            startsOn: '2026-01-01',
            restriction: null,
            createdAt: now,
            updatedAt: now,
          };
          return [
            {
              ...layer,
              id: uuid(random),
              position: 0,
              level: 'primary' as const,
              name: 'เวรหลัก',
              memberIds: [a!.id, b!.id],
            },
            {
              ...layer,
              id: uuid(random),
              position: 1,
              level: 'backup' as const,
              name: 'เวรสำรอง',
              memberIds: [b!.id, a!.id],
            },
          ];
        }),
      );
      unitIds.push(...unitRows.map((u) => u.id));
    });
  }
  for (let i = 0; i < options.requests; i += ROWS_PER_INSERT) {
    const rows = Array.from({ length: Math.min(ROWS_PER_INSERT, options.requests - i) }, () => {
      const createdAt = new Date(now.getTime() - random.int(0, 2 * 24 * 60) * 60_000);
      return {
        id: uuid(random),
        requestingOrganisationId: requester[0]!.organisationId,
        requesterUserId: requester[0]!.id,
        receivingUnitId: random.pick(unitIds),
        type: 'interpreter' as const,
        urgency: random.pick(URGENCY_CODES),
        slaPolicyVersion: SLA_POLICY_VERSION,
        province: 'TH-85' as const,
        language: 'my' as const,
        peopleCount: random.int(1, 6),
        needs: 'ล่ามภาษาเมียนมา (ข้อมูลสังเคราะห์)',
        createdAt,
        updatedAt: createdAt,
      };
    });
    await db.insert(coordinationRequests).values(rows);
    process.stdout.write(
      `\r${Math.min(options.requests, i + ROWS_PER_INSERT)} / ${options.requests} open requests`,
    );
  }
  process.stdout.write('\n');
  // The trigger queued every request as due at its creation; place each along its steps instead.
  const lastIndex = Object.fromEntries(
    URGENCY_CODES.map((u) => [u, escalationSchedule(ESCALATION_POLICY[u]).length - 1]),
  );
  await db.execute(sql`
    update coordination_escalation_queue q
    set next_index = least(${sql.raw(`(case r.urgency ${URGENCY_CODES.map((u) => `when '${u}' then ${lastIndex[u]}`).join(' ')} end)`)}, ((hashtext(q.request_id::text) & 2147483647) % 3)),
        due_at = ${now.toISOString()}::timestamptz + make_interval(secs => 60 + (hashtext(q.request_id::text || 'due') & 2147483647) % 3600)
    from coordination_requests r where r.id = q.request_id
  `);
}
