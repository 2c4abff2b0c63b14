/**
 * A slow provincial link between the browser and the server, as a TCP proxy on 127.0.0.1: every chunk
 * waits half the round trip each way, and all connections share one download and one upload budget.
 *
 * Chromium's own throttling (CDP Network.emulateNetworkConditions) slows the page's requests but not
 * those its service worker makes: a worker's precache of 667 KB finished in under 2 s on "50 KB/s", and
 * reads it fetched came back in 0.1 s. A link in the middle slows both alike, as a phone's radio would,
 * and can be cut for the offline checks.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export type LinkProfile = { latencyMs: number; downBytesPerSecond: number; upBytesPerSecond: number };

export const SLOW_3G: LinkProfile = {
  latencyMs: 2000,
  downBytesPerSecond: 50 * 1024,
  upBytesPerSecond: 50 * 1024,
};

/** One direction of the link: chunks leave in order, each no earlier than its delay and the shared rate allow. */
class Pipe {
  /** When the link is next free to send, in ms since the epoch (shared by every connection). */
  private freeAt = 0;
  constructor(
    public delayMs: number,
    private readonly bytesPerSecond: number,
  ) {}

  /** When a chunk of `bytes` sent now arrives (ms since the epoch), its share of the link taken. */
  arrival(bytes: number): number {
    this.freeAt = Math.max(Date.now(), this.freeAt) + (bytes / this.bytesPerSecond) * 1000;
    return this.freeAt + this.delayMs;
  }
}

/** Writes to one socket in the order chunks were sent, each at its arrival time (timers alone may reorder). */
function inOrderWriter(to: Socket, isUp: () => boolean) {
  let previous = Promise.resolve();
  return (chunk: Buffer, arrivesAt: number) => {
    previous = previous
      .then(() => new Promise((resolve) => setTimeout(resolve, Math.max(0, arrivesAt - Date.now()))))
      .then(() => {
        if (isUp() && !to.destroyed) to.write(chunk);
      });
    return previous;
  };
}

export type SlowLink = {
  url: string;
  /** Drops every open connection and refuses new ones until `restore` (the network is gone). */
  cut(): void;
  /** A new round trip from now on (the user moved out of town), for every connection. */
  setLatency(ms: number): void;
  restore(): void;
  close(): Promise<void>;
};

/** Listens on a free port of 127.0.0.1 and forwards to `target` (http://127.0.0.1:PORT) over the link. */
export async function startSlowLink(target: string, profile: LinkProfile = SLOW_3G): Promise<SlowLink> {
  const { hostname, port } = new URL(target);
  const down = new Pipe(profile.latencyMs / 2, profile.downBytesPerSecond);
  const up = new Pipe(profile.latencyMs / 2, profile.upBytesPerSecond);
  const open = new Set<Socket>();
  let linkUp = true;
  const isUp = () => linkUp;

  const server: Server = createServer((browserSide) => {
    if (!linkUp) {
      browserSide.destroy();
      return;
    }
    const serverSide = connect(Number(port), hostname);
    for (const socket of [browserSide, serverSide]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        browserSide.destroy();
        serverSide.destroy();
      });
    }
    const toServer = inOrderWriter(serverSide, isUp);
    const toBrowser = inOrderWriter(browserSide, isUp);
    let upDone = Promise.resolve();
    let downDone = Promise.resolve();
    browserSide.on('data', (chunk) => {
      upDone = toServer(chunk, up.arrival(chunk.length));
    });
    serverSide.on('data', (chunk) => {
      downDone = toBrowser(chunk, down.arrival(chunk.length));
    });
    // A side that closes is passed on after the data already in flight.
    browserSide.on('end', () => void upDone.then(() => serverSide.end()));
    serverSide.on('end', () => void downDone.then(() => browserSide.end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('slow link: no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      linkUp = false;
      for (const socket of open) socket.destroy();
    },
    restore() {
      linkUp = true;
    },
    setLatency(ms) {
      down.delayMs = ms / 2;
      up.delayMs = ms / 2;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
