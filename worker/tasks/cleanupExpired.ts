import type { Task } from "graphile-worker";
import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, signInFailures } from "@/db/schema";
import { jobSchemas } from "@/server/jobs/definitions";

/** Deletes expired sessions and stale sign-in failures; safe to run any number of times. */
export function cleanupExpired(db: Db): Task {
  return async (payload, helpers) => {
    jobSchemas.cleanupExpired.parse(payload ?? {});
    const now = new Date();
    const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
    await db.delete(signInFailures).where(lt(signInFailures.createdAt, new Date(now.getTime() - 3600_000)));
    helpers.logger.info(`removed ${gone.length} expired sessions`);
  };
}
