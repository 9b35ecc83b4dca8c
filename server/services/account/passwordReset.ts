import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { oauthAccounts, users } from "@/db/schema";
import { limits, signInEmailKey } from "../../auth/limits";
import { hashPassword, verifyPassword } from "../../auth/password";
import { clearCounts, takeAttempt, tooManyRequests } from "../../auth/rateLimit";
import { endUserSessions } from "../../auth/sessions";
import { AppError } from "../../errors";
import type { Mailer } from "../../mail/mailer";
import { passwordResetMail } from "../../mail/messages";
import type { Actor } from "../actor";
import { normalizeEmail, type PublicUser } from "./accountService";
import { resettableClaims, rethrowAddressTaken } from "./addressClaims";
import { consumeEmailToken, issueEmailToken } from "./emailTokens";
import { invalidLink } from "./emailVerification";

const tooManyMails = tooManyRequests("account.tooManyMails", "We sent several mails already. Check your inbox, or try again in an hour.");

/**
 * Mails a one-time link (30 minutes) when an account has this e-mail: for the account that proved
 * it, else one for each of its newest unproven claims. The answer is the same whether or not one
 * does. Counted per e-mail and per client address, so nobody floods an inbox.
 */
export async function requestPasswordReset(db: DbOrTx, mailer: Mailer, input: { email: string }, ip: string, appUrl: string): Promise<{ ok: true }> {
  const email = normalizeEmail(input.email);
  await takeAttempt(db, [limits.resetMailsPerEmail(email), limits.resetMailsPerAddress(ip)], tooManyMails);
  const claims = await resettableClaims(db, email);
  if (claims.length) {
    const accounts = [];
    for (const c of claims) accounts.push({ name: c.name, createdAt: c.createdAt, url: `${appUrl}/reset-password?token=${await issueEmailToken(db, c, "resetPassword")}` });
    // In the language of the account it is for (the newest, when several).
    await mailer.send(passwordResetMail(email, accounts, claims[0]!.locale));
  }
  return { ok: true };
}

/**
 * Sets a new password with a token from the mail, once. The mail proved the address, so it is
 * verified now (and sign-in links made while it was not are dropped); every session of the account
 * ends (whoever knew the old password is out) and the e-mail's sign-in failures from all addresses
 * together are forgotten. The caller starts a fresh session for this browser.
 */
export async function resetPassword(db: DbOrTx, input: { token: string; password: string }, ip: string): Promise<PublicUser> {
  const attempt = await takeAttempt(db, [limits.tokenFailuresPerAddress(ip)]);
  const passwordHash = await hashPassword(input.password);
  const used = await consumeEmailToken(db, input.token, "resetPassword");
  const user = used ? await db.query.users.findFirst({ where: eq(users.id, used.userId) }) : undefined;
  if (!used || !user || user.email !== used.email) throw invalidLink();
  await attempt.refund();
  const [updated] = await db.update(users).set({ passwordHash, emailVerified: true }).where(eq(users.id, user.id)).returning().catch(rethrowAddressTaken);
  // As when an OAuth sign-in takes over an unverified account: whoever set it up never proved the address.
  if (!user.emailVerified) await db.delete(oauthAccounts).where(eq(oauthAccounts.userId, user.id));
  await endUserSessions(db, user.id);
  // Only the count from every address, which slows the owner down too; an attacker's address stays throttled.
  await clearCounts(db, [signInEmailKey(user.email)]);
  return { id: updated!.id, email: updated!.email, name: updated!.name, emailVerified: updated!.emailVerified };
}

const wrongPassword = () => new AppError("BAD_REQUEST", "account.wrongPassword", "The current password is not right.");

/**
 * Changes the password of a signed-in person, who proves the current one (when the account has a
 * password; one made by OAuth sets its first here). Every other session ends. Wrong current
 * passwords count as failed sign-ins.
 */
export async function changePassword(
  db: DbOrTx,
  actor: Actor & { sessionId: string },
  input: { currentPassword?: string; newPassword: string },
  ip: string,
): Promise<{ ok: true; endedSessions: number }> {
  const user = await db.query.users.findFirst({ where: eq(users.id, actor.userId) });
  if (!user) throw new AppError("UNAUTHORIZED", "account.gone", "This account no longer exists.");
  if (user.passwordHash) {
    const attempt = await takeAttempt(db, [limits.signInPerAddress(ip), limits.signInPerEmailAndAddress(user.email, ip), limits.signInPerEmail(user.email)]);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword ?? ""))) throw wrongPassword();
    await attempt.refund();
  }
  await db.update(users).set({ passwordHash: await hashPassword(input.newPassword) }).where(eq(users.id, user.id));
  return { ok: true, endedSessions: await endUserSessions(db, user.id, actor.sessionId) };
}
