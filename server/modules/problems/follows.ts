/** Following a problem: raising, supporting, commenting and the follow button all start one. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { problemFollows } from '../../db/schema/index.ts';

/** Starts following unless already; true when this call started it. */
export async function follow(tx: Db, problemId: string, userId: string, now: Date): Promise<boolean> {
  const started = await tx
    .insert(problemFollows)
    .values({ problemId, userId, createdAt: now })
    .onConflictDoNothing()
    .returning({ userId: problemFollows.userId });
  return started.length > 0;
}

/** Stops following; true when the user was following. */
export async function unfollow(tx: Db, problemId: string, userId: string): Promise<boolean> {
  const stopped = await tx
    .delete(problemFollows)
    .where(and(eq(problemFollows.problemId, problemId), eq(problemFollows.userId, userId)))
    .returning({ userId: problemFollows.userId });
  return stopped.length > 0;
}
