import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailTokens, type EmailTokenPurpose } from "@/db/schema";

/** How long a mailed link works. */
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  verifyEmail: 24 * 3600_000,
  resetPassword: 30 * 60_000,
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A fresh 256-bit token for a link sent to `email`; only its hash is stored. Earlier unused tokens
 * of the same purpose stop working: only the newest mail's link does.
 */
export async function issueEmailToken(db: DbOrTx, user: { id: string; email: string }, purpose: EmailTokenPurpose): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.delete(emailTokens).where(and(eq(emailTokens.userId, user.id), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
  await db.insert(emailTokens).values({
    tokenHash: hashToken(token),
    userId: user.id,
    purpose,
    email: user.email,
    expiresAt: new Date(Date.now() + EMAIL_TOKEN_TTL_MS[purpose]),
  });
  return token;
}

/**
 * Uses a token up, in one statement, so that two uses at once cannot both succeed: whom it was for
 * and the address it was sent to, or null when it is unknown, used, expired or for another purpose.
 */
export async function consumeEmailToken(db: DbOrTx, token: string, purpose: EmailTokenPurpose): Promise<{ userId: string; email: string } | null> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), sql`${emailTokens.expiresAt} > now()`))
    .returning({ userId: emailTokens.userId, email: emailTokens.email });
  return row ?? null;
}
