/**
 * One scan at the door, sent now or kept on this phone: a scan made offline waits in the user's send queue
 * (web/lib/send-queue.ts) with its clientScanId and is sent when the link returns, where the server records
 * it once however often it arrives. A ticket already waiting in the queue is answered here, without a
 * second item, so two scans of one ticket on a dead link still read as a duplicate.
 */
import { ApiError, newIdempotencyKey } from '../../lib/api.ts';
import { queuedSends, sendOrQueue } from '../../lib/send-queue.ts';
import { type CheckinResultView, checkinPath } from './api/forum-checkin.ts';

export const SCAN_KIND = 'forumCheckin.scan';

export type ScanBody = { ticketCode: string; clientScanId: string; scannedAt: string };

export type ScanOutcome =
  | { kind: 'checked_in' | 'duplicate'; result: CheckinResultView }
  | { kind: 'queued' }
  | { kind: 'queued_duplicate'; queuedAt: string }
  | { kind: 'refused'; error: ApiError };

/** The scans of this event waiting on this phone. */
export function queuedScans(userId: string, eventId: string) {
  const path = checkinPath(eventId);
  return queuedSends(userId).filter((item) => item.kind === SCAN_KIND && item.path === path);
}

/** What the camera or the typed entry reads: the ticket code, also when the QR holds a link ending in it. */
export function ticketCodeOf(text: string): string {
  const trimmed = text.trim();
  const tail = /([A-Za-z0-9_-]{8,64})\/?$/.exec(trimmed);
  return tail ? tail[1]! : trimmed;
}

export async function submitScan(userId: string, eventId: string, scanned: string): Promise<ScanOutcome> {
  const ticketCode = ticketCodeOf(scanned);
  const waiting = queuedScans(userId, eventId).find(
    (item) => !item.failed && (item.body as ScanBody).ticketCode === ticketCode,
  );
  if (waiting) return { kind: 'queued_duplicate', queuedAt: waiting.queuedAt };
  const body: ScanBody = {
    ticketCode,
    clientScanId: newIdempotencyKey(),
    scannedAt: new Date().toISOString(),
  };
  try {
    const sent = await sendOrQueue<CheckinResultView>(userId, {
      kind: SCAN_KIND,
      path: checkinPath(eventId),
      body,
    });
    if (sent.status === 'queued') return { kind: 'queued' };
    return { kind: sent.result.outcome, result: sent.result };
  } catch (error) {
    if (error instanceof ApiError) return { kind: 'refused', error };
    throw error;
  }
}
