import type { RequestSummary } from '../api/coordination.ts';

/**
 * Where each request's SLA clock goes ("ต้องตอบรับภายใน 7 นาที"), on inbox cards and the request page.
 * The SLA branch (wip-sla) brings `SlaClock.tsx` and the `sla` field of the request views; at merge this
 * renders `<SlaClock sla={request.sla} />`. Until then it shows nothing rather than a clock of its own.
 */
export function SlaClockSlot(_props: { request: RequestSummary }) {
  return null;
}
