import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR } from './api.ts';
import { COPY_AFTER_MS, copyFirst } from './copy-first.ts';
import { CACHED_AT_HEADER } from './offline-cache.ts';

const PATH = '/directory/finder?province=TH-85&service=legal_aid';
const KEY = ['directory', 'finder', 'ranong'];
const SAVED_AT = '2026-12-01T02:00:00.000Z';

/** The service worker's store, as the page's Cache Storage API sees it. */
let stored: Map<string, Response>;

function storeCopy(path: string, body: unknown) {
  stored.set(
    `/api/v1${path}`,
    new Response(JSON.stringify(body), { headers: { [CACHED_AT_HEADER]: SAVED_AT } }),
  );
}

type Finder = { units: string[] };
type Pending<T> = ReturnType<typeof pending<T>>;

/** A server answer the test settles when it likes. */
function pending<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return { promise, ...settle };
}

let client: QueryClient;

beforeEach(() => {
  vi.useFakeTimers();
  stored = new Map();
  vi.stubGlobal('caches', {
    open: async () => ({ match: async (url: string) => stored.get(url)?.clone() }),
  });
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
});
afterEach(() => {
  client.clear();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a first read on a slow link', () => {
  it("shows the server's answer when it comes in time, never the copy", async () => {
    storeCopy(PATH, { units: ['old'] });
    const server = pending<Finder>();
    const read = client.fetchQuery({ queryKey: KEY, queryFn: copyFirst(PATH, () => server.promise) });
    await vi.advanceTimersByTimeAsync(COPY_AFTER_MS / 2);
    server.resolve({ units: ['new'] });
    expect(await read).toEqual({ units: ['new'] });
  });

  it("shows the device's copy once the server is late, then the server's answer when it comes", async () => {
    storeCopy(PATH, { units: ['old'] });
    const server = pending<Finder>();
    const read = client.fetchQuery({ queryKey: KEY, queryFn: copyFirst(PATH, () => server.promise) });
    await vi.advanceTimersByTimeAsync(COPY_AFTER_MS);
    expect(await read).toEqual({ units: ['old'] });

    server.resolve({ units: ['new'] });
    await vi.advanceTimersByTimeAsync(1);
    expect(client.getQueryData(KEY)).toEqual({ units: ['new'] });
  });

  it('waits for the server when the device has no copy', async () => {
    const server = pending<Finder>();
    const read = client.fetchQuery({ queryKey: KEY, queryFn: copyFirst(PATH, () => server.promise) });
    await vi.advanceTimersByTimeAsync(COPY_AFTER_MS * 5);
    server.resolve({ units: ['new'] });
    expect(await read).toEqual({ units: ['new'] });
  });

  it('keeps the copy on screen when the network is gone', async () => {
    storeCopy(PATH, { units: ['old'] });
    const server = pending<Finder>();
    const read = client.fetchQuery({ queryKey: KEY, queryFn: copyFirst(PATH, () => server.promise) });
    await vi.advanceTimersByTimeAsync(COPY_AFTER_MS);
    await read;
    server.reject(new ApiError(0, NETWORK_ERROR, 'Network error'));
    await vi.advanceTimersByTimeAsync(1);
    expect(client.getQueryState(KEY)).toMatchObject({ data: { units: ['old'] }, status: 'success' });
  });

  it('asks again in the ordinary way when the server refuses, so an ended session surfaces', async () => {
    storeCopy(PATH, { units: ['old'] });
    const unauthenticated = new ApiError(401, 'UNAUTHENTICATED', 'Sign in');
    const answers = [pending<Finder>(), pending<Finder>()];
    const [first, second] = answers as [Pending<Finder>, Pending<Finder>];
    // On screen, as the finder would be: only queries someone watches are asked again.
    const observer = new QueryObserver(client, {
      queryKey: KEY,
      queryFn: copyFirst(PATH, () => answers.shift()!.promise),
    });
    const stop = observer.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(COPY_AFTER_MS);
    expect(observer.getCurrentResult().data).toEqual({ units: ['old'] });

    first.reject(unauthenticated);
    second.reject(unauthenticated);
    await vi.advanceTimersByTimeAsync(1);
    expect(answers).toEqual([]);
    expect(observer.getCurrentResult().error).toBe(unauthenticated);
    stop();
  });

  it("is the server's alone on later reads, once the query holds data", async () => {
    storeCopy(PATH, { units: ['old'] });
    client.setQueryData(KEY, { units: ['shown'] });
    const server = pending<Finder>();
    const read = client.fetchQuery({ queryKey: KEY, queryFn: copyFirst(PATH, () => server.promise) });
    await vi.advanceTimersByTimeAsync(COPY_AFTER_MS * 5);
    server.resolve({ units: ['new'] });
    expect(await read).toEqual({ units: ['new'] });
  });
});
