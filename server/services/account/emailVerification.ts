import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { limits } from "../../auth/limits";
import { takeAttempt, tooManyRequests } from "../../auth/rateLimit";
import { AppError } from "../../errors";
import type { Mailer } from "../../mail/mailer";
import { addressTakenMail, verificationMail } from "../../mail/messages";
import type { Locale } from "@/domain/i18n/locales";
import type { Actor } from "../actor";
import { signUp, type PublicUser } from "./accountService";
import { rethrowAddressTaken, verifiedClaim } from "./addressClaims";
import { consumeEmailToken, issueEmailToken } from "./emailTokens";
import { log } from "@/server/log";

export const invalidLink = () =>
  new AppError("BAD_REQUEST", "account.linkInvalid", "This link is not valid any more. Links work once, and only for a while: ask for a new one.");

/** Mails a link that proves the address. */
export async function sendVerificationMail(db: DbOrTx, mailer: Mailer, user: { id: string; email: string; name: string; locale: string }, appUrl: string): Promise<void> {
  const token = await issueEmailToken(db, user, "verifyEmail");
  await mailer.send(verificationMail(user.email, user.name, `${appUrl}/verify-email?token=${token}`, user.locale));
}

/**
 * Creates the account and mails the link that verifies its address, or, when another account has
 * proved the address, tells that account's owner instead (the answer is the same either way). The
 * account works at once (verification is needed only for linking a sign-in provider and for shop
 * administration), so a mail that cannot be sent is logged and can be sent again from the dashboard.
 * Sign-ups mail an address a few times an hour at most; past that they skip the mail, silently.
 */
export async function signUpAndSendVerification(
  db: DbOrTx,
  mailer: Mailer,
  input: { email: string; password: string; name: string; locale?: Locale },
  ip: string,
  appUrl: string,
): Promise<PublicUser> {
  const user = await signUp(db, input, ip);
  const locale = input.locale ?? "en";
  try {
    await takeAttempt(db, [limits.signUpMailsPerEmail(user.email)]);
    await mailVerificationOrOwner(db, mailer, { ...user, locale }, appUrl);
  } catch (e) {
    if (e instanceof AppError && e.code === "TOO_MANY_REQUESTS") return user;
    log.error({ err: e }, "mail: could not send the verification mail");
  }
  return user;
}

/** The link that proves the address, unless another account proved it: then a word to its owner. */
async function mailVerificationOrOwner(db: DbOrTx, mailer: Mailer, user: { id: string; email: string; name: string; locale: string }, appUrl: string): Promise<void> {
  const owner = await verifiedClaim(db, user.email);
  if (owner && owner.id !== user.id) await mailer.send(addressTakenMail(owner.email, owner.name, appUrl, owner.locale));
  else await sendVerificationMail(db, mailer, user, appUrl);
}

const tooManyMails = tooManyRequests("account.tooManyMails", "We sent several mails already. Check your inbox, or try again in an hour.");

/** Sends the link again (a few times an hour at most); nothing to do when the address is verified. */
export async function resendVerificationMail(db: DbOrTx, mailer: Mailer, actor: Actor, appUrl: string): Promise<{ ok: true; alreadyVerified: boolean }> {
  const user = await db.query.users.findFirst({ where: eq(users.id, actor.userId) });
  if (!user) throw new AppError("UNAUTHORIZED", "account.gone", "This account no longer exists.");
  if (user.emailVerified) return { ok: true, alreadyVerified: true };
  await takeAttempt(db, [limits.verifyMailsPerUser(user.id)], tooManyMails);
  await mailVerificationOrOwner(db, mailer, user, appUrl);
  return { ok: true, alreadyVerified: false };
}

/**
 * Marks the address verified when the token is good and the account still has the address it was
 * sent to. Wrong tokens count against the caller's address like wrong passwords.
 */
export async function verifyEmail(db: DbOrTx, input: { token: string }, ip: string): Promise<{ email: string }> {
  const attempt = await takeAttempt(db, [limits.tokenFailuresPerAddress(ip)]);
  const used = await consumeEmailToken(db, input.token, "verifyEmail");
  const [user] = used
    ? await db
        .update(users)
        .set({ emailVerified: true })
        .where(and(eq(users.id, used.userId), eq(users.email, used.email)))
        .returning({ email: users.email })
        .catch(rethrowAddressTaken)
    : [];
  if (!user) throw invalidLink();
  await attempt.refund();
  return user;
}
