/** Focal-point assignments: rows are ended and started, never edited or deleted, so history stays. */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { FocalTopic } from '../../../common/directory-taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { focalPoints, type PersonRow } from '../../db/schema/index.ts';

export async function openRolesOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, { topic: FocalTopic; startedAt: Date }[]>();
  const rows = await db
    .select()
    .from(focalPoints)
    .where(and(inArray(focalPoints.personId, personIds), isNull(focalPoints.endedAt)))
    .orderBy(focalPoints.topic);
  const byPerson = new Map<string, { topic: FocalTopic; startedAt: Date }[]>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  return byPerson;
}

/** Makes the person's open roles exactly `topics`; returns which started and which ended. */
export async function setFocalTopics(tx: Db, person: PersonRow, topics: FocalTopic[], now: Date) {
  const open = (await openRolesOf(tx, [person.id])).get(person.id) ?? [];
  const held = new Set(open.map((r) => r.topic));
  const wanted = new Set(topics);
  const ended = [...held].filter((t) => !wanted.has(t));
  const started = [...wanted].filter((t) => !held.has(t));
  if (ended.length > 0) await endRoles(tx, person.id, ended, now);
  if (started.length > 0) await startRoles(tx, person, started, now);
  return { started, ended };
}

export async function endRoles(tx: Db, personId: string, topics: FocalTopic[], now: Date) {
  await tx
    .update(focalPoints)
    .set({ endedAt: now })
    .where(
      and(
        eq(focalPoints.personId, personId),
        inArray(focalPoints.topic, topics),
        isNull(focalPoints.endedAt),
      ),
    );
}

export async function startRoles(
  tx: Db,
  person: Pick<PersonRow, 'id' | 'organisationId'>,
  topics: FocalTopic[],
  now: Date,
) {
  await tx.insert(focalPoints).values(
    topics.map((topic) => ({
      id: randomUUID(),
      organisationId: person.organisationId,
      personId: person.id,
      topic,
      startedAt: now,
    })),
  );
}
