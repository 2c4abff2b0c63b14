/**
 * Cross-instance signals over PostgreSQL NOTIFY (in-process on PGlite). Sent inside the writing
 * transaction, so they arrive only once what they announce is committed and readable.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Fired by a trigger on problem_events (migration 0006): new timeline events to fan out. */
export const PROBLEM_EVENTS_CHANNEL = 'tipnet_problem_events';
/** Payload: comma-separated ids of users whose unread count changed. */
export const UNREAD_CHANNEL = 'tipnet_notifications';
/** NOTIFY payloads stay under 8,000 bytes: 200 uuids and commas are 7,400. */
const IDS_PER_SIGNAL = 200;

export async function signalUnreadChanged(tx: Db, userIds: readonly string[]) {
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += IDS_PER_SIGNAL) {
    const payload = unique.slice(i, i + IDS_PER_SIGNAL).join(',');
    await tx.execute(sql`select pg_notify(${UNREAD_CHANNEL}, ${payload})`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const parseUnreadSignal = (payload: string) => payload.split(',').filter((id) => UUID.test(id));
