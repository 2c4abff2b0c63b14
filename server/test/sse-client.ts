/** A minimal EventSource for tests: a real HTTP connection to a listening app, frames parsed as they come. */
import http from 'node:http';

export type SseFrame = { event: string | null; data: string; comment: string | null };

export type SseClient = {
  status: number;
  frames: SseFrame[];
  /** Resolves with the first frame (already received or still to come) matching the predicate. */
  waitFor: (predicate: (f: SseFrame) => boolean, timeoutMs?: number) => Promise<SseFrame>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
  body: string;
};

export function openSse(baseUrl: string, path: string, cookie?: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${baseUrl}${path}`,
      { headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) } },
      (res) => {
        const frames: SseFrame[] = [];
        const waiters = new Set<() => void>();
        let buffer = '';
        let body = '';
        let endedResolve: () => void;
        const ended = new Promise<void>((r) => {
          endedResolve = r;
        });
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          buffer += chunk;
          let cut = buffer.indexOf('\n\n');
          while (cut >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const frame: SseFrame = { event: null, data: '', comment: null };
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) frame.comment = line.slice(1).trim();
              else if (line.startsWith('event: ')) frame.event = line.slice(7);
              else if (line.startsWith('data: ')) frame.data = line.slice(6);
            }
            frames.push(frame);
            for (const w of waiters) w();
            cut = buffer.indexOf('\n\n');
          }
        });
        res.on('end', () => endedResolve());
        res.on('close', () => endedResolve());
        const client: SseClient = {
          status: res.statusCode ?? 0,
          frames,
          ended,
          get body() {
            return body;
          },
          close: () => req.destroy(),
          waitFor(predicate, timeoutMs = 5_000) {
            return new Promise((ok, fail) => {
              const check = () => {
                const found = frames.find(predicate);
                if (!found) return;
                waiters.delete(check);
                clearTimeout(timer);
                ok(found);
              };
              const timer = setTimeout(() => {
                waiters.delete(check);
                fail(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
              }, timeoutMs);
              waiters.add(check);
              check();
            });
          },
        };
        resolve(client);
      },
    );
    req.on('error', reject);
  });
}

/** The unread counts a stream has pushed, in order. */
export const unreadCounts = (c: SseClient) =>
  c.frames.filter((f) => f.event === 'unread').map((f) => JSON.parse(f.data).unread as number);
