import type { Task } from "graphile-worker";
import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailTokens, rateLimitCounters, sessions } from "@/db/schema";
import { jobSchemas } from "@/server/jobs/definitions";

/** Deletes expired sessions, e-mail tokens and rate-limit counters of past windows; safe to run any number of times. */
export function cleanupExpired(db: Db): Task {
  return async (payload, helpers) => {
    jobSchemas.cleanupExpired.parse(payload ?? {});
    const now = new Date();
    const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
    await db.delete(emailTokens).where(lt(emailTokens.expiresAt, now));
    await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowEndsAt, now));
    helpers.logger.info(`removed ${gone.length} expired sessions`);
  };
}
