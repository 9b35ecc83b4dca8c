import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** One row per worker process, touched every few seconds; health reads its freshness. */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text("worker_id").primaryKey(),
  hostname: text("hostname").notNull(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
});
