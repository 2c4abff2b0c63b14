import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSendQueue, flushSendQueue } from '../../lib/send-queue.ts';
import { queuedScans, submitScan, ticketCodeOf } from './scan-queue.ts';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const EVENT = '6c7e6d1a-4f7e-4c51-9d8e-1e7f0a5b0042';
const phone = { onLine: true };
let sent: { path: string; body: { ticketCode: string; clientScanId: string } }[];
let answer: () => Response;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  sent = [];
  phone.onLine = true;
  answer = () => json(201, { outcome: 'checked_in', person: { name: 'Malee' }, checkin: {} });
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('navigator', phone);
  vi.stubGlobal('window', { addEventListener: () => {}, removeEventListener: () => {} });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ path: url.replace('/api/v1', ''), body: JSON.parse(String(init.body)) });
    return answer();
  });
});
afterEach(() => {
  clearSendQueue('staff');
  vi.unstubAllGlobals();
});

describe('a scan at the door on a flaky connection', () => {
  it('sends a scan at once when online and answers what the server said', async () => {
    const outcome = await submitScan('staff', EVENT, 'AbCdEfGh12345678');
    expect(outcome.kind).toBe('checked_in');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe(`/forums/events/${EVENT}/checkins`);
  });

  it('keeps scans offline, catches the same ticket scanned twice on the phone, and syncs each once', async () => {
    phone.onLine = false;
    expect((await submitScan('staff', EVENT, 'TicketOne000000000000')).kind).toBe('queued');
    const again = await submitScan('staff', EVENT, 'TicketOne000000000000');
    expect(again.kind).toBe('queued_duplicate');
    expect((await submitScan('staff', EVENT, 'TicketTwo000000000000')).kind).toBe('queued');
    expect(queuedScans('staff', EVENT)).toHaveLength(2);
    expect(sent).toHaveLength(0);

    phone.onLine = true;
    expect(await flushSendQueue('staff')).toBe(2);
    expect(sent.map((s) => s.body.ticketCode)).toEqual(['TicketOne000000000000', 'TicketTwo000000000000']);
    expect(new Set(sent.map((s) => s.body.clientScanId)).size).toBe(2);
    expect(queuedScans('staff', EVENT)).toHaveLength(0);
  });

  it('shows a refusal in words, not as a queued scan', async () => {
    answer = () => json(404, { error: { code: 'TICKET_UNKNOWN', message: 'no', requestId: 'r' } });
    const outcome = await submitScan('staff', EVENT, 'Forged000000000000000');
    expect(outcome).toMatchObject({ kind: 'refused', error: { code: 'TICKET_UNKNOWN' } });
    expect(queuedScans('staff', EVENT)).toHaveLength(0);
  });

  it('reads the ticket code from a QR holding a link that ends in it', () => {
    expect(ticketCodeOf(' https://tipnet.example/t/AbCdEfGh12345678 ')).toBe('AbCdEfGh12345678');
    expect(ticketCodeOf('AbCdEfGh12345678')).toBe('AbCdEfGh12345678');
  });
});
