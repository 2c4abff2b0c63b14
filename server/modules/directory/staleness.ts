/** An entry nobody has confirmed for 180 days is stale: marked in the directory, its admins reminded. */

import { sql } from 'drizzle-orm';
import { DAY_MS } from '../../../common/time.ts';
import { organisations } from '../../db/schema/index.ts';

export const STALE_AFTER_MS = 180 * DAY_MS;

type Reviewable = { lastReviewedAt: Date | null; createdAt: Date };

export const staleSince = (o: Reviewable) =>
  new Date((o.lastReviewedAt ?? o.createdAt).getTime() + STALE_AFTER_MS);
export const isStale = (o: Reviewable, now: Date) => staleSince(o) <= now;

/** SQL: true when the organisation is stale at `now`. */
export const staleSql = (now: Date) =>
  sql<boolean>`(coalesce(${organisations.lastReviewedAt}, ${organisations.createdAt}) <= ${new Date(now.getTime() - STALE_AFTER_MS)})`;
