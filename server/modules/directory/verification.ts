/**
 * "Verified by the Centre" covers the contact fields as the Centre saw them. They are kept at verification
 * (`verified_contacts`); an edit by anyone else that makes them differ marks the entry "changed since
 * verification" (`contacts_changed_at`) and puts it in the Centre's review queue until it re-verifies.
 * An edit by the Centre itself keeps the entry verified, with the new values.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { VerificationChange, VerificationQueueView } from '../../../common/directory-api.ts';
import type { Db } from '../../db/client.ts';
import { focalPoints, organisationContacts, organisations, people } from '../../db/schema/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { authorize, can } from '../../platform/policy.ts';
import { organisationSummaryColumns, presentOrganisation } from '../../platform/projections.ts';

/** Field key → value: `website`, `contact:hotline_24h`, `person:<id>:phones`; empty fields are left out. */
export type ContactFields = Record<string, string>;

const PERSON_KEY = /^person:([0-9a-f-]{36}):(phones|email|lineId)$/;

/** The organisation's contact fields and those of its focal points, as they are now. */
export async function currentContactFields(db: Db, organisationId: string): Promise<ContactFields> {
  const [[org], contacts, focal] = await Promise.all([
    db
      .select({
        website: organisations.website,
        address: organisations.address,
        officeHours: organisations.officeHours,
        afterHoursContact: organisations.afterHoursContact,
      })
      .from(organisations)
      .where(eq(organisations.id, organisationId)),
    db
      .select()
      .from(organisationContacts)
      .where(eq(organisationContacts.organisationId, organisationId))
      .orderBy(asc(organisationContacts.position)),
    db
      .selectDistinct({ id: people.id, phones: people.phones, email: people.email, lineId: people.lineId })
      .from(focalPoints)
      .innerJoin(people, eq(people.id, focalPoints.personId))
      .where(
        and(
          eq(focalPoints.organisationId, organisationId),
          isNull(focalPoints.endedAt),
          eq(people.active, true),
        ),
      ),
  ]);
  const fields: ContactFields = {};
  const put = (key: string, value: string | null | undefined) => {
    if (value) fields[key] = value;
  };
  if (org) for (const [key, value] of Object.entries(org)) put(key, value);
  const channels = new Map<string, string[]>();
  for (const c of contacts)
    channels.set(c.type, [...(channels.get(c.type) ?? []), c.label ? `${c.value} (${c.label})` : c.value]);
  for (const [type, values] of channels) put(`contact:${type}`, values.join(', '));
  for (const p of focal) {
    put(`person:${p.id}:phones`, p.phones.map((phone) => phone.value).join(', '));
    put(`person:${p.id}:email`, p.email);
    put(`person:${p.id}:lineId`, p.lineId);
  }
  return fields;
}

/** Names a set of values, so a re-verification can say which ones the Centre saw. */
export function fingerprintOf(fields: ContactFields): string {
  const sorted = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/** The keys whose values differ, in a stable order: the organisation's fields first. */
export function differingFields(verified: ContactFields, current: ContactFields): string[] {
  const keys = [...new Set([...Object.keys(verified), ...Object.keys(current)])];
  return keys
    .filter((k) => verified[k] !== current[k])
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
const rank = (key: string) => (key.startsWith('person:') ? 2 : key.startsWith('contact:') ? 1 : 0);

/**
 * What the Centre verified, read before a change, locked with the organisation. Entries verified before
 * the values were kept count their values before this first change as the verified ones. Null when the
 * entry was never verified: there is nothing to fall behind.
 */
export async function verifiedBaseline(tx: Db, organisationId: string): Promise<ContactFields | null> {
  const [org] = await tx
    .select({ verifiedAt: organisations.verifiedAt, verifiedContacts: organisations.verifiedContacts })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for('update');
  if (!org?.verifiedAt) return null;
  return org.verifiedContacts ?? (await currentContactFields(tx, organisationId));
}

/**
 * After a change to an organisation's or its focal points' contact fields, in the change's transaction:
 * someone other than the Centre marks the entry changed since verification while the fields differ from
 * the verified ones; the Centre's own edit verifies the new values. Returns what the audit should add.
 */
export async function settleVerification(
  tx: Db,
  ctx: RequestContext,
  organisationId: string,
  baseline: ContactFields | null,
): Promise<Record<string, unknown>> {
  if (baseline === null) return {};
  const current = await currentContactFields(tx, organisationId);
  const changed = differingFields(baseline, current).length > 0;
  const [org] = await tx
    .select({ verifiedAt: organisations.verifiedAt, contactsChangedAt: organisations.contactsChangedAt })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const byCentre = can(ctx.actor, 'organisation.verify', { organisationId });
  const before = { verifiedAt: org?.verifiedAt ?? null, contactsChangedAt: org?.contactsChangedAt ?? null };
  const after = {
    verifiedAt: byCentre && changed ? ctx.now : before.verifiedAt,
    contactsChangedAt: changed && !byCentre ? (before.contactsChangedAt ?? ctx.now) : null,
  };
  await tx
    .update(organisations)
    .set({
      ...after,
      verifiedContacts: byCentre ? current : baseline,
      ...(byCentre && changed ? { verifiedBy: ctx.actor!.userId } : {}),
    })
    .where(eq(organisations.id, organisationId));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return Object.fromEntries(
    (['verifiedAt', 'contactsChangedAt'] as const)
      .filter((k) => iso(before[k]) !== iso(after[k]))
      .map((k) => [k, { from: iso(before[k]), to: iso(after[k]) }]),
  );
}

/**
 * Verification by the Centre: the values it now sees become the verified ones. With `seen`, only if they
 * are still those it reviewed: an edit in between would otherwise be verified unseen.
 */
export async function verifyContacts(tx: Db, organisationId: string, seen?: string) {
  const current = await currentContactFields(tx, organisationId);
  if (seen && fingerprintOf(current) !== seen)
    throw conflict(
      'CONTACTS_CHANGED_AGAIN',
      'The contact details changed again since you looked; review them again',
    );
  return { verifiedContacts: current, contactsChangedAt: null };
}

const personKeys = (personId: string) => ['phones', 'email', 'lineId'].map((f) => `person:${personId}:${f}`);

/** The verified fields without one person's: for a person whose contacts are being erased. */
export const withoutPerson = (fields: ContactFields, personId: string): ContactFields => {
  const erased = new Set(personKeys(personId));
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !erased.has(k)));
};

/** Someone's personal contacts are erased: no copy of them stays in what was verified (ADR 0009). */
export async function forgetVerifiedPerson(tx: Db, organisationId: string, personId: string) {
  await tx
    .update(organisations)
    .set({
      verifiedContacts: sql`${organisations.verifiedContacts} - array[${sql.join(
        personKeys(personId).map((k) => sql`${k}`),
        sql`, `,
      )}]::text[]`,
    })
    .where(and(eq(organisations.id, organisationId), isNotNull(organisations.verifiedContacts)));
}

/** The Centre's queue: entries changed since verification, oldest change first, each with its diff. */
export async function verificationQueue(db: Db, actor: Actor): Promise<VerificationQueueView> {
  authorize(actor, 'directory.verificationQueue', undefined);
  const rows = await db
    .select({
      ...organisationSummaryColumns,
      verifiedAt: organisations.verifiedAt,
      changedAt: organisations.contactsChangedAt,
      verifiedContacts: organisations.verifiedContacts,
    })
    .from(organisations)
    .where(and(isNotNull(organisations.contactsChangedAt), isNotNull(organisations.verifiedAt)))
    .orderBy(asc(organisations.contactsChangedAt), asc(organisations.id));
  const items = await Promise.all(
    rows.map(async (row) => {
      const verified = row.verifiedContacts ?? {};
      const current = await currentContactFields(db, row.id);
      return {
        organisation: presentOrganisation(row),
        fingerprint: fingerprintOf(current),
        verifiedAt: row.verifiedAt!.toISOString(),
        changedAt: row.changedAt!.toISOString(),
        keys: differingFields(verified, current),
        verified,
        current,
      };
    }),
  );
  const personIds = [...new Set(items.flatMap((i) => i.keys.flatMap((k) => PERSON_KEY.exec(k)?.[1] ?? [])))];
  const persons =
    personIds.length === 0
      ? []
      : await db
          .select({ id: people.id, nameTh: people.nameTh, nameEn: people.nameEn })
          .from(people)
          .where(inArray(people.id, personIds));
  const personById = new Map(persons.map((p) => [p.id, p]));
  return {
    items: items.map(({ keys, verified, current, ...item }) => ({
      ...item,
      changes: keys.map((key): VerificationChange => {
        const person = PERSON_KEY.exec(key);
        return {
          field: person ? person[2]! : key,
          person: person ? (personById.get(person[1]!) ?? null) : null,
          atVerification: verified[key] ?? null,
          current: current[key] ?? null,
        };
      }),
    })),
  };
}
