import type { Role } from '../../common/taxonomies.ts';
import type { IdempotencyClaim } from './idempotency.ts';

export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };

/** The signed-in user acting on a request, as the policy and services see them. */
export type Actor = {
  userId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
  /** Admin in production mode without 2FA: may only enrol 2FA, read /me and sign out. */
  mustEnrolTotp: boolean;
};

/** Who did something, from where, and when: what every audited service call receives. */
export type RequestContext = {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  now: Date;
  /** The request's Idempotency-Key, claimed by recordAudit in the mutation's transaction. */
  idempotency?: IdempotencyClaim | null;
};
