/**
 * Live request pages: when a request changes, every open page of it (on any instance) is told to refetch.
 * One LISTEN per instance however many pages are open. The signal carries only the request's id, which
 * every listener already knows, so a viewer who has just lost access (a forwarded request) learns nothing;
 * its refetch answers 404.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../platform/deps.ts';

export const COORDINATION_CHANNEL = 'tipnet_coordination_requests';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sent inside the writing transaction, so it arrives only once the change is committed and readable. */
export async function signalRequestChanged(tx: Db, requestId: string) {
  await tx.execute(sql`select pg_notify(${COORDINATION_CHANNEL}, ${requestId})`);
}

export type RequestStream = { requestId: string; changed: () => void; end: () => void };

export type CoordinationLive = {
  /** Registers an open page; the returned function removes it (on close). */
  add: (stream: RequestStream) => () => void;
  streamCount: () => number;
  close: () => Promise<void>;
};

export async function startCoordinationLive(deps: Deps): Promise<CoordinationLive> {
  const byRequest = new Map<string, Set<RequestStream>>();
  const tell = (id: string) => {
    for (const stream of byRequest.get(id) ?? []) stream.changed();
  };
  const unlisten = await deps.database.listen(
    COORDINATION_CHANNEL,
    (payload) => {
      if (UUID.test(payload)) tell(payload);
    },
    // Signals sent while the connection was down are lost: every open page refetches once.
    () => {
      for (const id of byRequest.keys()) tell(id);
    },
  );
  return {
    add(stream) {
      let set = byRequest.get(stream.requestId);
      if (!set) {
        set = new Set();
        byRequest.set(stream.requestId, set);
      }
      set.add(stream);
      return () => {
        const mine = byRequest.get(stream.requestId);
        mine?.delete(stream);
        if (mine?.size === 0) byRequest.delete(stream.requestId);
      };
    },
    streamCount: () => [...byRequest.values()].reduce((n, set) => n + set.size, 0),
    async close() {
      for (const set of byRequest.values()) for (const stream of set) stream.end();
      byRequest.clear();
      await unlisten().catch(() => {});
    },
  };
}
