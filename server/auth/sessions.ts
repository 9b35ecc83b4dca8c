import { createHash, randomBytes } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { sessions } from "@/db/schema";
import { readCookie } from "./cookies";
import { luciaFor, SESSION_COOKIE } from "./lucia";
import { notifySessionEnded } from "./sessionEvents";

export type SessionUser = { id: string; email: string; name: string; emailVerified: boolean };
export type CurrentSession = { sessionId: string; user: SessionUser; refreshCookie: string | null };

export { SESSION_COOKIE };

/**
 * A session's id is the SHA-256 of its token, and only the cookie holds the token: whoever reads
 * the sessions table (a backup, a replica) cannot sign in with what is there.
 */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a new session (a fresh token at every sign-in) and returns its Set-Cookie value. */
export async function startSession(db: Db, userId: string): Promise<string> {
  const lucia = luciaFor(db);
  const token = randomBytes(32).toString("base64url");
  await lucia.createSession(userId, {}, { sessionId: sessionIdOf(token) });
  return lucia.createSessionCookie(token).serialize();
}

export async function validateSession(db: Db, cookieHeader: string | null | undefined): Promise<CurrentSession | null> {
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  if (!token) return null;
  const lucia = luciaFor(db);
  const { session, user } = await lucia.validateSession(sessionIdOf(token));
  if (!session || !user) return null;
  const refreshCookie = session.fresh ? lucia.createSessionCookie(token).serialize() : null;
  return { sessionId: session.id, user: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified }, refreshCookie };
}

/** Ends the session and closes its collaboration sockets, in every web process. */
export async function endSession(db: Db, sessionId: string): Promise<string> {
  const lucia = luciaFor(db);
  await lucia.invalidateSession(sessionId);
  await notifySessionEnded(db, sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/**
 * Ends every session of a user but `keep` (the one making a password change), and closes their
 * sockets and event streams in every web process. Inside a transaction the notifications go out
 * at its commit, with the deletion.
 */
export async function endUserSessions(db: DbOrTx, userId: string, keep?: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  for (const s of ended) await notifySessionEnded(db, s.id);
  return ended.length;
}
