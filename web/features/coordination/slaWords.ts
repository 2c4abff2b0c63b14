import type { TFunction } from 'i18next';
import { type SlaClock, type SlaTargetName, slaClockText } from '../../../common/coordination-sla.ts';

/** A clock in plain words in the reader's language ("ต้องตอบรับภายใน 7 นาที"); null when it does not apply. */
export function slaClockWords(t: TFunction, name: SlaTargetName, clock: SlaClock, now: Date): string | null {
  const text = slaClockText(name, clock, now);
  if (!text) return null;
  const duration = text.duration ? t(text.duration.key, { count: text.duration.count }) : '';
  return t(text.key, { duration });
}

/** The colour a clock's state reads as: red over time, orange near it, grey paused, teal met. */
export function slaColour(clock: SlaClock): string {
  if (clock.state === 'breached') return 'red';
  if (clock.state === 'paused') return 'gray';
  if (clock.state === 'met') return 'teal';
  return clock.warning ? 'orange' : 'blue';
}
