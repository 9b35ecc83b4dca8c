import { randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "../../auth/password";
import { AppError } from "../../errors";

/**
 * An e-mail address belongs to the one account that proved it (a unique index over verified
 * addresses). Until then any number of accounts may claim it, so that signing up answers the same
 * whether or not an address has an account. Password sign-in opens the verified claim or the
 * newest unproven one; an older unproven claim keeps its sessions, and the mailbox's owner gets it
 * back through the reset mail, which offers every recent claim.
 */
export type Claim = typeof users.$inferSelect;

/** How many unproven claims a reset mail offers. */
export const RESET_CLAIMS = 3;

/** The address's claims: the verified one first, then the unproven ones, newest first. */
async function claimsOf(db: DbOrTx, email: string, unproven: number): Promise<{ verified: Claim | undefined; unproven: Claim[] }> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.email, email))
    .orderBy(desc(users.emailVerified), desc(users.createdAt), desc(users.id))
    .limit(unproven + 1);
  const verified = rows[0]?.emailVerified ? rows[0] : undefined;
  return { verified, unproven: rows.filter((r) => !r.emailVerified).slice(0, unproven) };
}

export async function verifiedClaim(db: DbOrTx, email: string): Promise<Claim | undefined> {
  return (await claimsOf(db, email, 0)).verified;
}

/** The accounts a reset link may be for: the verified one, else the newest unproven ones. */
export async function resettableClaims(db: DbOrTx, email: string): Promise<Claim[]> {
  const { verified, unproven } = await claimsOf(db, email, RESET_CLAIMS);
  return verified ? [verified] : unproven;
}

/** The newest unproven claim: the one an OAuth sign-in that proves the address takes over. */
export async function newestUnprovenClaim(db: DbOrTx, email: string): Promise<Claim | undefined> {
  return (await claimsOf(db, email, 1)).unproven[0];
}

let dummyHash: Promise<string> | undefined;

/** Whether `password` is this claim's; a missing claim or password costs the same hash. */
async function passwordFits(claim: Claim | undefined, password: string): Promise<boolean> {
  const ok = await verifyPassword(claim?.passwordHash ?? (await (dummyHash ??= hashPassword(randomBytes(16).toString("hex")))), password);
  return ok && !!claim?.passwordHash;
}

/**
 * The account these credentials open. Both candidates are always checked, each against a hash
 * (a stand-in when absent), so the time taken does not tell how many accounts claim the address.
 */
export async function claimForPassword(db: DbOrTx, email: string, password: string): Promise<Claim | undefined> {
  const { verified, unproven } = await claimsOf(db, email, 1);
  const [fitsVerified, fitsNewest] = await Promise.all([passwordFits(verified, password), passwordFits(unproven[0], password)]);
  return fitsVerified ? verified : fitsNewest ? unproven[0] : undefined;
}

/** For a write that proves an address: another account proving it first is a clear CONFLICT. */
export function rethrowAddressTaken(e: unknown): never {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = err.code ? err : err.cause;
  if (pg?.code === "23505" && pg.constraint === "users_verified_email_idx") {
    throw new AppError(
      "CONFLICT",
      "account.emailOwnedElsewhere",
      "Another account has already confirmed this address. Sign in to that one, or reset its password.",
    );
  }
  throw e;
}
