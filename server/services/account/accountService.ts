import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { oauthAccounts, signInFailures, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "../../auth/password";
import { recordSignInFailure, SIGN_IN_MAX_FAILURES, signInFailuresRecently } from "../../auth/rateLimit";
import { AppError } from "../../errors";
import type { Actor } from "../canvas/access";

export type PublicUser = { id: string; email: string; name: string };

export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

const toPublic = (u: { id: string; email: string; name: string }): PublicUser => ({ id: u.id, email: u.email, name: u.name });

export async function signUp(db: DbOrTx, input: { email: string; password: string; name: string }): Promise<PublicUser> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ id: randomUUID(), email, name: input.name.trim(), passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!row) throw new AppError("CONFLICT", "account.emailTaken", "An account with this e-mail already exists.");
  return toPublic(row);
}

const WRONG = () => new AppError("UNAUTHORIZED", "account.wrongCredentials", "Wrong e-mail or password.");

export async function signIn(db: DbOrTx, input: { email: string; password: string }): Promise<PublicUser> {
  const email = normalizeEmail(input.email);
  if ((await signInFailuresRecently(db, email)) >= SIGN_IN_MAX_FAILURES) {
    throw new AppError("TOO_MANY_REQUESTS", "account.tooManyAttempts", "Too many failed sign-ins. Try again in 15 minutes.");
  }
  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  // Hash even when the user is unknown so that timing does not reveal which e-mails exist.
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await hashPassword(input.password), false);
  if (!user || !ok) {
    await recordSignInFailure(db, email);
    throw WRONG();
  }
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
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
 * Finds the account linked to this provider identity, or links it to the account with the same
 * e-mail only when the provider says that e-mail is verified, or creates a new account.
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
  const existing = await db.query.users.findFirst({ where: eq(users.email, email) });
  if (existing && !profile.emailVerified) {
    throw new AppError(
      "CONFLICT",
      "oauth.unverifiedEmail",
      "An account with this e-mail exists, and the provider has not verified the e-mail. Sign in with your password.",
    );
  }
  const user =
    existing ??
    (
      await db
        .insert(users)
        .values({ id: randomUUID(), email, name: profile.name.slice(0, 80) || email, emailVerified: profile.emailVerified })
        .returning()
    )[0]!;
  await db.insert(oauthAccounts).values({ provider: profile.provider, providerUserId: profile.providerUserId, userId: user.id });
  return toPublic(user);
}
