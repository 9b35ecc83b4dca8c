import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export const SESSION_CHANNEL = "session_ended";

/** Lucia's session ids: 40 lower-case base32 characters (checked before trusting a notification). */
export const SESSION_ID = /^[a-z0-9]{20,64}$/;

/** Tells every web process that a session ended (sign-out), so its open sockets close too. */
export async function notifySessionEnded(db: DbOrTx, sessionId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${SESSION_CHANNEL}, ${sessionId})`);
}
