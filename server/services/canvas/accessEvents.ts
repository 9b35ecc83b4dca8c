import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export const ACCESS_CHANNEL = "canvas_access";

/**
 * Tells every web process that a member's access to a canvas changed (userId null: the canvas is
 * gone). Sent inside the caller's transaction, so it arrives only if the change commits.
 */
export async function notifyAccessChanged(db: DbOrTx, canvasId: string, userId: string | null): Promise<void> {
  await db.execute(sql`select pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify({ canvasId, userId })})`);
}
