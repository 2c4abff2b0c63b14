/**
 * The monthly digest: from the first working day of a month (Monday to Friday, not a holiday in the
 * coordination calendar), each organisation's focal points get last month's figures of their own
 * organisation against the network median — what that organisation sees on its dashboard, never another
 * organisation's figures. The job runs hourly on every instance; a row in `report_digests` claimed in the
 * transaction that queues the emails makes it one digest per organisation and month. A server that was
 * down on the first working day sends on its first run after it, within the month.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { type HolidayCalendar, isBusinessDay } from '../../../common/business-hours.ts';
import {
  BE_OFFSET,
  bangkokDay,
  dayCode,
  type Period,
  parsePeriod,
  periodLabel,
  previousPeriod,
} from '../../../common/report-periods.ts';
import type { Cell, ReportTable } from '../../../common/reports-api.ts';
import type { Language } from '../../../common/taxonomies.ts';
import { HOUR_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { focalPoints, organisations, people, reportDigests, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import { mailRecipientColumns } from '../../platform/projections.ts';
import { holidayCalendar } from '../coordination/index.ts';
import { coordinationSection } from './coordination.section.ts';
import { problemsSection } from './problems.section.ts';
import {
  NETWORK_MEDIAN_CODE,
  networkMedian,
  type ReportSectionDefinition,
  type SectionContext,
} from './sections.ts';

export const DIGEST_EVERY_MS = HOUR_MS;
const AGENT = 'tipnet-monthly-digest';

const pad = (n: number) => String(n).padStart(2, '0');

/** The first working day of a Bangkok month, as YYYY-MM-DD. */
export function firstWorkingDay(year: number, month: number, holidays: HolidayCalendar): string {
  // A month always has a weekday; the calendar never closes a whole month.
  for (let day = 1; day <= 31; day++) {
    const code = `${year}-${pad(month)}-${pad(day)}`;
    if (isBusinessDay(code, holidays)) return code;
  }
  return `${year}-${pad(month)}-01`;
}

/** The month a digest is due for at `now`: the one before, once this month's first working day has come. */
export function digestDue(now: Date, holidays: HolidayCalendar): Period | null {
  const today = bangkokDay(now);
  if (dayCode(now) < firstWorkingDay(today.year, today.month, holidays)) return null;
  return previousPeriod(parsePeriod(`month-${today.year + BE_OFFSET}-${today.month}`)!);
}

/** The tables with one row per organisation, from which each organisation is compared with the median. */
const COMPARED: readonly { section: ReportSectionDefinition; table: string }[] = [
  { section: problemsSection, table: 'agencies' },
  { section: coordinationSection, table: 'answers' },
];

/**
 * The job reads the whole network (as the Centre's dashboard does) once per run, then tells each
 * organisation only its own row; the viewer is never used for more than the coordination metrics' read.
 */
const NETWORK_READER: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  organisationId: '00000000-0000-0000-0000-000000000000',
  role: 'member',
  sessionId: AGENT,
  mustEnrolTotp: false,
};

type Compared = { title: { th: string; en: string }; table: ReportTable };

async function networkTables(db: Db, period: Period, now: Date): Promise<Compared[]> {
  const ctx: SectionContext = {
    db,
    viewer: NETWORK_READER,
    period,
    previous: previousPeriod(period),
    now,
    centre: true,
  };
  return Promise.all(
    COMPARED.map(async ({ section, table }) => {
      const computed = await section.compute(ctx);
      return { title: section.title, table: computed.tables.find((t) => t.key === table)! };
    }),
  );
}

const format = (v: Cell | undefined, language: Language) =>
  v === null || v === undefined
    ? '—'
    : typeof v === 'number'
      ? new Intl.NumberFormat(language === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 1 }).format(v)
      : v;

/** One organisation's figures against the median organisation, labelled in `language`. */
export function digestFigures(tables: readonly Compared[], organisationId: string, language: Language) {
  return tables.flatMap(({ title, table }) => {
    const others = table.rows.filter((r) => r.code !== NETWORK_MEDIAN_CODE);
    const median = networkMedian(
      others.map((r) => r.values),
      table.columns.length,
      { centre: false },
    );
    const own = others.find((r) => r.code === organisationId);
    return table.columns.map((c, i) => ({
      label: `${title[language]} — ${c.label[language]}`,
      own: own ? format(own.values[i], language) : '—',
      median: format(median[i], language),
    }));
  });
}

type Recipient = { email: string; language: Language; displayName: string };

/** The organisation's focal points with an email; its administrators when it names none. */
async function recipientsOf(tx: Db, organisationId: string): Promise<Recipient[]> {
  const focal = await tx
    .selectDistinct({
      email: people.email,
      language: users.language,
      nameTh: people.nameTh,
      nameEn: people.nameEn,
    })
    .from(focalPoints)
    .innerJoin(people, eq(people.id, focalPoints.personId))
    .leftJoin(users, eq(users.id, people.userId))
    .where(
      and(
        eq(focalPoints.organisationId, organisationId),
        isNull(focalPoints.endedAt),
        eq(people.active, true),
        isNotNull(people.email),
      ),
    );
  if (focal.length > 0)
    return focal.map((p) => {
      const language = p.language ?? 'th';
      return {
        email: p.email!,
        language,
        displayName: language === 'en' ? (p.nameEn ?? p.nameTh) : p.nameTh,
      };
    });
  const admins = await tx
    .select(mailRecipientColumns)
    .from(users)
    .where(
      and(eq(users.organisationId, organisationId), eq(users.role, 'org_admin'), eq(users.active, true)),
    );
  return admins.map((a) => ({ email: a.email, language: a.language, displayName: a.displayName }));
}

/** One pass: queues the digests due and not yet sent; how many emails it queued. */
export async function runMonthlyDigest(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'hasMailTransport' | 'logger'>,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const period = digestDue(now, await holidayCalendar(db));
  if (!period) return 0;
  const pending = await db
    .select({ id: organisations.id, nameTh: organisations.nameTh, nameEn: organisations.nameEn })
    .from(organisations)
    .leftJoin(
      reportDigests,
      and(eq(reportDigests.organisationId, organisations.id), eq(reportDigests.period, period.code)),
    )
    .where(isNull(reportDigests.organisationId));
  if (pending.length === 0) return 0;
  const tables = await networkTables(db, period, now);
  let emails = 0;
  for (const org of pending) {
    emails += await db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(reportDigests)
        .values({ organisationId: org.id, period: period.code, sentAt: now })
        .onConflictDoNothing()
        .returning({ organisationId: reportDigests.organisationId });
      // Another instance sent this one.
      if (!claimed) return 0;
      const recipients = await recipientsOf(tx, org.id);
      for (const r of recipients)
        await enqueueEmail(tx, deps, now, {
          to: r.email,
          language: r.language,
          template: {
            kind: 'report_digest',
            displayName: r.displayName,
            organisationName: r.language === 'th' ? org.nameTh : org.nameEn,
            periodLabel: periodLabel(period, r.language),
            figures: digestFigures(tables, org.id, r.language),
            link: `${deps.config.baseUrl}/reports?period=${period.code}`,
          },
        });
      await recordAudit(
        tx,
        { actor: null, ip: null, userAgent: AGENT, now },
        {
          action: 'organisation.digest_sent',
          entityType: 'organisation',
          entityId: org.id,
          changes: { period: period.code, recipients: recipients.length },
        },
      );
      return recipients.length;
    });
  }
  return emails;
}
