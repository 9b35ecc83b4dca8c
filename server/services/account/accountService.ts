import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { oauthAccounts, users } from "@/db/schema";
import { limits, signInDelayMs, signInEmailKey } from "../../auth/limits";
import { hashPassword } from "../../auth/password";
import { takeAttempt, tooManyRequests } from "../../auth/rateLimit";
import { endUserSessions } from "../../auth/sessions";
import { AppError } from "../../errors";
import type { Locale } from "@/domain/i18n/locales";
import type { Actor } from "../actor";
import { claimForPassword, newestUnprovenClaim, rethrowAddressTaken, verifiedClaim } from "./addressClaims";

export type PublicUser = { id: string; email: string; name: string; emailVerified: boolean };

export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

const toPublic = (u: { id: string; email: string; name: string; emailVerified: boolean }): PublicUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  emailVerified: u.emailVerified,
});

const tooManySignUps = tooManyRequests("account.tooManySignUps", "Too many accounts were created from your network. Try again later.");
const tooManySignIns = tooManyRequests("account.tooManyAttempts", "Too many failed sign-ins. Wait a few minutes and try again.");

/**
 * A new account, whether or not another claims the address (see addressClaims.ts): the answer
 * must not tell. `ip` is the client's address (the request's, as the server saw it): sign-ups are
 * throttled per address.
 */
export async function signUp(db: DbOrTx, input: { email: string; password: string; name: string; locale?: Locale }, ip: string): Promise<PublicUser> {
  const email = normalizeEmail(input.email);
  // Counted before the hash: each attempt costs an argon2 hash, which is what a flood would aim at.
  await takeAttempt(db, limits.signUpsPerAddress(ip), tooManySignUps);
  const passwordHash = await hashPassword(input.password);
  const [row] = await db.insert(users).values({ id: randomUUID(), email, name: input.name.trim(), passwordHash, locale: input.locale ?? "en" }).returning();
  return toPublic(row!);
}

const WRONG = () => new AppError("UNAUTHORIZED", "account.wrongCredentials", "Wrong e-mail or password.");

/**
 * Each attempt is counted before the password is checked (per client address, per e-mail and
 * address, per e-mail), in one statement, and taken back when it succeeds: at most the limit of
 * wrong guesses get checked however many arrive at once. See auth/limits.ts for what each counts.
 */
export async function signIn(db: DbOrTx, input: { email: string; password: string }, ip: string): Promise<PublicUser> {
  const email = normalizeEmail(input.email);
  const attempt = await takeAttempt(
    db,
    [limits.signInPerAddress(ip), limits.signInPerEmailAndAddress(email, ip), limits.signInPerEmail(email)],
    tooManySignIns,
  );
  const delay = signInDelayMs(attempt.hits(signInEmailKey(email)));
  if (delay) await new Promise((r) => setTimeout(r, delay));
  const user = await claimForPassword(db, email, input.password);
  if (!user) throw WRONG();
  await attempt.refund();
  return toPublic(user);
}

export async function getUser(db: DbOrTx, actor: Actor): Promise<PublicUser | null> {
  const user = await db.query.users.findFirst({ where: eq(users.id, actor.userId) });
  return user ? toPublic(user) : null;
}

export type OAuthProfile = {
  provider: string;
  providerUserId: string;
  email: string | null;
  emailVerified: boolean;
  name: string;
};

/**
 * Finds the account linked to this provider identity; otherwise, when the provider vouches for the
 * e-mail, the account that proved that e-mail with us, linked; else its newest unproven claim, taken
 * over (whoever made it never proved the address, and may be a squatter waiting for the
 * owner to arrive: their password goes, their sessions end and other sign-in links are dropped);
 * otherwise a new account.
 */
export async function signInWithOAuth(db: DbOrTx, profile: OAuthProfile): Promise<PublicUser> {
  const linked = await db
    .select({ user: users })
    .from(oauthAccounts)
    .innerJoin(users, eq(users.id, oauthAccounts.userId))
    .where(and(eq(oauthAccounts.provider, profile.provider), eq(oauthAccounts.providerUserId, profile.providerUserId)));
  if (linked[0]) return toPublic(linked[0].user);
  if (!profile.email) {
    throw new AppError("BAD_REQUEST", "oauth.noEmail", "The provider did not share an e-mail address.");
  }
  const email = normalizeEmail(profile.email);
  const existing = (await verifiedClaim(db, email)) ?? (await newestUnprovenClaim(db, email));
  if (existing && !profile.emailVerified) {
    throw new AppError(
      "CONFLICT",
      "oauth.unverifiedEmail",
      "An account with this e-mail exists, and the provider has not verified the e-mail. Sign in with your password.",
    );
  }
  const user = existing
    ? existing.emailVerified
      ? existing
      : await takeOver(db, existing.id)
    : (
        await db
          .insert(users)
          .values({ id: randomUUID(), email, name: profile.name.slice(0, 80) || email, emailVerified: profile.emailVerified })
          .returning()
          .catch(rethrowAddressTaken)
      )[0]!;
  await db.insert(oauthAccounts).values({ provider: profile.provider, providerUserId: profile.providerUserId, userId: user.id });
  return toPublic(user);
}

/** The provider proved the e-mail: what the unproven holder of the account had set up goes. */
async function takeOver(db: DbOrTx, userId: string) {
  const [user] = await db
    .update(users)
    .set({ passwordHash: null, emailVerified: true })
    .where(eq(users.id, userId))
    .returning()
    .catch(rethrowAddressTaken);
  await db.delete(oauthAccounts).where(eq(oauthAccounts.userId, userId));
  await endUserSessions(db, userId);
  return user!;
}
