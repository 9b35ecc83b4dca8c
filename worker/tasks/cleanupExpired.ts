import type { Task } from "graphile-worker";
import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailTokens, jobRuns, rateLimitCounters, sessions } from "@/db/schema";
import { jobSchemas } from "@/server/jobs/definitions";

const JOB_RUNS_KEPT_MS = 7 * 24 * 3600_000;

/** Deletes expired sessions, e-mail tokens, rate-limit counters of past windows and job runs older than a week; safe to run any number of times. */
export function cleanupExpired(db: Db): Task {
  return async (payload, helpers) => {
    jobSchemas.cleanupExpired.parse(payload ?? {});
    const now = new Date();
    const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
    await db.delete(emailTokens).where(lt(emailTokens.expiresAt, now));
    await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowEndsAt, now));
    await db.delete(jobRuns).where(lt(jobRuns.finishedAt, new Date(now.getTime() - JOB_RUNS_KEPT_MS)));
    helpers.logger.info(`removed ${gone.length} expired sessions`);
  };
}
