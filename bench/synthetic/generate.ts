/**
 * `npm run seed:synthetic -- --orgs 5000 --people 50000 [--problems 100000 --comments 1000000] [--seed 1]`:
 * fills the database named by DATABASE_URL (or the embedded one in DATA_DIR) with a realistic,
 * deterministic network for benchmarks — Thai and English names, taxonomy codes, contacts, people and
 * focal points, then the problems board (bench/synthetic/problems.ts).
 * The demo network is seeded first (with DEMO_PASSWORD) so the bench can sign in.
 */

import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import {
  ORGANISATION_TYPE_CODES,
  POPULATION_CODES,
  PROVINCES,
  SERVICE_CODES,
  SERVICE_LANGUAGE_CODES,
  THEME_CODES,
} from '../../common/directory-taxonomies.ts';
import { SECTORS } from '../../common/taxonomies.ts';
import { DAY_MS } from '../../common/time.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/client.ts';
import { migrate } from '../../server/db/migrate.ts';
import { focalPoints, organisationContacts, organisations, people } from '../../server/db/schema/index.ts';
import { seedDemoNetwork } from '../../server/demo/seed-demo.ts';
import {
  organisationSearchDocuments,
  personSearchText,
} from '../../server/modules/directory/search-documents.ts';
import { buildTsvector } from '../../server/platform/search/index.ts';
import { generateSyntheticCoordination } from './coordination.ts';
import { generateSyntheticProblems } from './problems.ts';
import { makeRandom } from './random.ts';
import { NAMES } from './words.ts';

const BATCH = 500;
/**
 * How far back organisations joined: as far as the synthetic problems go (problems.ts), and a month more.
 * People were added between their organisation's joining and now, so the review's periods each see some
 * joining, leaving and a network of the size it had then, as they would in use.
 */
const JOINED_OVER_MS = (3 * 365 + 30) * DAY_MS;

export async function generateSyntheticNetwork(options: {
  orgs: number;
  people: number;
  problems?: number;
  comments?: number;
  /** Open coordination requests (with units and rosters) for the escalation tick. */
  coordination?: number;
  seed: number;
}) {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 4,
  });
  await migrate(database);
  const { db } = database;
  const now = new Date();
  await seedDemoNetwork(db, { password: config.demoPassword, now });

  const random = makeRandom(options.seed);
  const between = (from: Date, to: Date) =>
    new Date(from.getTime() + Math.floor(random.next() * (to.getTime() - from.getTime())));
  const provinces = PROVINCES.map((p) => p.code);
  const peoplePerOrg = Math.floor(options.people / Math.max(1, options.orgs));
  let extraPeople = options.people - peoplePerOrg * options.orgs;

  for (let start = 0; start < options.orgs; start += BATCH) {
    const orgRows: (typeof organisations.$inferInsert)[] = [];
    const contactRows: (typeof organisationContacts.$inferInsert)[] = [];
    const personRows: (typeof people.$inferInsert)[] = [];
    const focalRows: (typeof focalPoints.$inferInsert)[] = [];

    for (let i = start; i < Math.min(options.orgs, start + BATCH); i++) {
      const id = randomUUID();
      const province = random.pick(PROVINCES);
      const kind = random.pick(NAMES.orgKinds);
      const focus = random.pick(NAMES.orgFocus);
      const services = random.sample(SERVICE_CODES, random.int(1, 5));
      const nationwide = random.chance(0.08);
      // Most organisations joined early, as a network grows: the age's square root spreads them so.
      const joined = new Date(now.getTime() - Math.floor(Math.sqrt(random.next()) * JOINED_OVER_MS));
      const org = {
        nameTh: `${kind.th}${focus.th}${province.th} ${i + 1}`,
        nameEn: `${province.en} ${focus.en} ${kind.en} ${i + 1}`,
        abbreviation: random.chance(0.4) ? `${kind.abbr}${focus.abbr}${i + 1}` : null,
        sector: random.pick(SECTORS),
        type: random.pick(ORGANISATION_TYPE_CODES),
        descriptionTh: `${kind.th}${focus.th} ให้บริการ${random.pick(NAMES.descriptionsTh)}ในจังหวัด${province.th}`,
        descriptionEn: `A ${kind.en.toLowerCase()} for ${focus.en.toLowerCase()} in ${province.en}: ${random.pick(NAMES.descriptionsEn)}.`,
        provinceCode: province.code,
        themes: random.sample(THEME_CODES, random.int(1, 3)),
        services,
        populations: random.sample(POPULATION_CODES, random.int(1, 3)),
        languages: ['th' as const, ...random.sample(SERVICE_LANGUAGE_CODES.slice(1), random.int(0, 3))],
        coverage: nationwide
          ? ['nationwide' as const]
          : [province.code, ...random.sample(provinces, random.int(0, 2))],
        officeHours: 'จันทร์–ศุกร์ 08:30–16:30 น.',
        afterHoursContact: random.chance(0.3) ? 'โทรสายด่วน 24 ชั่วโมง' : null,
        verifiedAt: random.chance(0.5) ? now : null,
        lastReviewedAt: new Date(Math.max(joined.getTime(), now.getTime() - random.int(0, 400) * DAY_MS)),
        createdAt: joined,
        updatedAt: now,
      };
      const count = peoplePerOrg + (extraPeople-- > 0 ? 1 : 0);
      for (let p = 0; p < count; p++) {
        const first = random.pick(NAMES.firstNames);
        const last = random.pick(NAMES.lastNames);
        const added = between(joined, now);
        const active = !random.chance(0.05);
        const person = {
          id: randomUUID(),
          organisationId: id,
          nameTh: `${first.th} ${last.th}`,
          nameEn: `${first.en} ${last.en}`,
          position: random.pick(NAMES.positions),
          department: null,
          phones: [{ type: 'phone_mobile' as const, value: `08${random.int(10_000_000, 99_999_999)}` }],
          email: `person${i}-${p}@synthetic.example`,
          languages: ['th' as const],
          active,
          createdAt: added,
          updatedAt: active ? added : between(added, now),
        };
        personRows.push({
          ...person,
          searchDocument: buildTsvector(personSearchText(person)),
        });
        if (p === 0 && services[0]) {
          focalRows.push({
            id: randomUUID(),
            organisationId: id,
            personId: person.id,
            topic: services[0],
            startedAt: person.createdAt,
          });
        }
      }
      orgRows.push({
        id,
        ...org,
        ...organisationSearchDocuments(org),
      });
      contactRows.push({
        id: randomUUID(),
        organisationId: id,
        type: 'phone_office',
        value: `02${random.int(1_000_000, 9_999_999)}`,
        position: 0,
      });
      if (org.afterHoursContact) {
        contactRows.push({
          id: randomUUID(),
          organisationId: id,
          type: 'hotline_24h',
          value: `1${random.int(100, 999)}`,
          position: 1,
        });
      }
    }

    await db.transaction(async (tx) => {
      await tx.insert(organisations).values(orgRows);
      await tx.insert(organisationContacts).values(contactRows);
      for (let p = 0; p < personRows.length; p += BATCH)
        await tx.insert(people).values(personRows.slice(p, p + BATCH));
      if (focalRows.length) await tx.insert(focalPoints).values(focalRows);
    });
    process.stdout.write(`\r${Math.min(options.orgs, start + BATCH)} / ${options.orgs} organisations`);
  }
  if (options.orgs > 0) process.stdout.write('\n');
  if (options.problems) {
    await generateSyntheticProblems(db, random, {
      problems: options.problems,
      comments: options.comments ?? 0,
      now,
    });
  }
  if (options.coordination)
    await generateSyntheticCoordination(db, random, { requests: options.coordination, now });
  // As autovacuum would have left a live database: statistics, and GIN pending lists merged into their
  // indexes (after a bulk load every search scanned the pending list: 79 → 33 ms for a province filter).
  await db.execute(sql`vacuum analyze`);
  await database.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      orgs: { type: 'string', default: '5000' },
      people: { type: 'string', default: '50000' },
      problems: { type: 'string', default: '0' },
      comments: { type: 'string', default: '0' },
      coordination: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
    },
  });
  const options = {
    orgs: Number(values.orgs),
    people: Number(values.people),
    problems: Number(values.problems),
    comments: Number(values.comments),
    coordination: Number(values.coordination),
    seed: Number(values.seed),
  };
  if (!Object.values(options).every((n) => Number.isInteger(n) && n >= 0)) {
    console.error(
      'usage: npm run seed:synthetic -- --orgs 5000 --people 50000 [--problems 100000 --comments 1000000] [--coordination 10000] [--seed 1]',
    );
    process.exit(2);
  }
  const started = Date.now();
  generateSyntheticNetwork(options)
    .then(() => console.log(`Synthetic network written in ${((Date.now() - started) / 1000).toFixed(1)} s.`))
    .catch((err) => {
      console.error('seed:synthetic failed:', err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
