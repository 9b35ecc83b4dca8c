import { and, count, eq, gt, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { signInFailures } from "@/db/schema";

export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export async function signInFailuresRecently(db: DbOrTx, email: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [row] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gt(signInFailures.createdAt, since)));
  return row?.n ?? 0;
}

export async function recordSignInFailure(db: DbOrTx, email: string): Promise<void> {
  await db.insert(signInFailures).values({ email });
  // Old rows are worthless; trimming them here keeps the table small without a cron.
  await db.delete(signInFailures).where(lt(signInFailures.createdAt, new Date(Date.now() - 2 * SIGN_IN_WINDOW_MS)));
}
