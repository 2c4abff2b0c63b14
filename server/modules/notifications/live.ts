/**
 * The per-instance notification runtime: one database listener for new timeline events (→ fan-out) and
 * one for unread-count changes (→ the Server-Sent Event streams open on this instance). However many
 * streams are open, the instance holds exactly two LISTENs.
 */
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { notifications, sessions, users } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { dispatchPending } from './dispatcher.ts';
import { PROBLEM_EVENTS_CHANNEL, parseUnreadSignal, UNREAD_CHANNEL } from './signals.ts';

export type StreamClient = {
  userId: string;
  sessionId: string;
  /** Writes one SSE frame (an event, or a comment line when `event` is null). */
  write: (event: string | null, data: string) => void;
  end: () => void;
};

export type NotificationRuntime = {
  /** Registers a stream; the returned function removes it (on close). */
  add: (client: StreamClient) => () => void;
  streamCount: () => number;
  listenerCount: () => number;
  /** Pings every stream and ends those whose session has ended (also runs on a timer). */
  heartbeat: () => Promise<void>;
  /** Fans out pending timeline events now (also runs on NOTIFY and on a timer). */
  dispatch: () => Promise<void>;
  close: () => Promise<void>;
};

const HEARTBEAT_MS = 25_000;
const POLL_MS = 30_000;
/** Signals arriving together (one fan-out sends several) are counted in one query. */
const COALESCE_MS = 15;
/** Streams one user may hold on one instance; the oldest is ended beyond it. */
const STREAMS_PER_USER = 10;

export async function startNotificationRuntime(deps: Deps): Promise<NotificationRuntime> {
  const byUser = new Map<string, Set<StreamClient>>();
  const pending = new Set<string>();
  let flushTimer: NodeJS.Timeout | null = null;
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;

  const streams = () => [...byUser.values()].flatMap((set) => [...set]);

  async function pushCounts(userIds: string[]) {
    const local = userIds.filter((id) => byUser.has(id));
    if (local.length === 0 || closed) return;
    const rows = await deps.db
      .select({ userId: notifications.recipientUserId, n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(inArray(notifications.recipientUserId, local), isNull(notifications.readAt)))
      .groupBy(notifications.recipientUserId);
    const counts = new Map(rows.map((r) => [r.userId, r.n]));
    for (const id of local)
      for (const client of byUser.get(id) ?? [])
        client.write('unread', JSON.stringify({ unread: counts.get(id) ?? 0 }));
  }

  function flush() {
    flushTimer = null;
    const ids = [...pending];
    pending.clear();
    pushCounts(ids).catch((err) => deps.logger.warn({ err }, 'notification stream update failed'));
  }

  function onUnreadSignal(payload: string) {
    for (const id of parseUnreadSignal(payload)) if (byUser.has(id)) pending.add(id);
    if (pending.size > 0 && !flushTimer) flushTimer = setTimeout(flush, COALESCE_MS);
  }

  /** Runs one dispatch at a time; a request during a run makes it run once more. */
  function dispatch(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const done = await dispatchPending(deps);
        if (done.emailed > 0) deps.mailer.kick();
      } while (again && !closed);
    })()
      .catch((err) => deps.logger.warn({ err }, 'notification dispatch failed'))
      .finally(() => {
        running = null;
      });
    return running;
  }

  async function heartbeat() {
    const all = streams();
    if (all.length === 0) return;
    const now = deps.clock.now();
    const live = await deps.db
      .select({ id: sessions.id })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          inArray(sessions.id, [...new Set(all.map((c) => c.sessionId))]),
          gt(sessions.idleExpiresAt, now),
          gt(sessions.absoluteExpiresAt, now),
          eq(users.active, true),
        ),
      );
    const valid = new Set(live.map((s) => s.id));
    for (const client of all) {
      if (valid.has(client.sessionId)) client.write(null, 'ping');
      else {
        client.write('signed_out', '{}');
        client.end();
      }
    }
  }

  const unlisteners = [
    await deps.database.listen(
      PROBLEM_EVENTS_CHANNEL,
      () => void dispatch(),
      () => void dispatch(),
    ),
    await deps.database.listen(UNREAD_CHANNEL, onUnreadSignal, () => {
      // Signals sent while the connection was down are lost: bring every stream up to date.
      onUnreadSignal([...byUser.keys()].join(','));
    }),
  ];
  const timers = [
    setInterval(() => void dispatch(), POLL_MS),
    setInterval(
      () => heartbeat().catch((err) => deps.logger.warn({ err }, 'notification heartbeat failed')),
      HEARTBEAT_MS,
    ),
  ];
  for (const timer of timers) timer.unref();
  void dispatch();

  return {
    add(client) {
      let set = byUser.get(client.userId);
      if (!set) {
        set = new Set();
        byUser.set(client.userId, set);
      }
      set.add(client);
      if (set.size > STREAMS_PER_USER) set.values().next().value?.end();
      return () => {
        const mine = byUser.get(client.userId);
        mine?.delete(client);
        if (mine?.size === 0) byUser.delete(client.userId);
      };
    },
    streamCount: () => streams().length,
    listenerCount: () => unlisteners.length,
    heartbeat,
    dispatch,
    async close() {
      closed = true;
      for (const timer of timers) clearInterval(timer);
      if (flushTimer) clearTimeout(flushTimer);
      for (const client of streams()) client.end();
      await running;
      for (const unlisten of unlisteners.splice(0)) await unlisten().catch(() => {});
    },
  };
}
