import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { shopAdmins, users } from "@/db/schema";
import { AppError } from "../../errors";
import { normalizeEmail } from "../account/accountService";
import type { Actor, ShopAdmin } from "../actor";

/** A shop admin is granted by an operator and counts only while the account's e-mail is verified. */
export async function isShopAdmin(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: shopAdmins.userId })
    .from(shopAdmins)
    .innerJoin(users, eq(users.id, shopAdmins.userId))
    .where(and(eq(shopAdmins.userId, userId), eq(users.emailVerified, true)));
  return !!row;
}

/** The actor as a shop admin, for shopAdminProcedure; anyone else gets FORBIDDEN. */
export async function requireShopAdmin(db: DbOrTx, actor: Actor): Promise<ShopAdmin> {
  if (!(await isShopAdmin(db, actor.userId))) throw new AppError("FORBIDDEN", "shop.notAdmin", "Only the shop's admins can do this.");
  return { userId: actor.userId, shopAdmin: true };
}

/** The operator's command: grants or takes back the role by e-mail. A grant needs a verified e-mail. */
export async function setShopAdmin(db: DbOrTx, email: string, grant: boolean): Promise<{ userId: string }> {
  // Unproven accounts may claim the address too (see account/addressClaims.ts): the one that proved it counts.
  const [user] = await db
    .select({ id: users.id, verified: users.emailVerified })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .orderBy(desc(users.emailVerified), desc(users.createdAt))
    .limit(1);
  if (!user) throw new Error(`No account has the e-mail ${email}.`);
  if (!grant) {
    await db.delete(shopAdmins).where(eq(shopAdmins.userId, user.id));
    return { userId: user.id };
  }
  if (!user.verified) throw new Error(`${email} has not verified its e-mail yet; a shop admin must.`);
  await db.insert(shopAdmins).values({ userId: user.id }).onConflictDoNothing();
  return { userId: user.id };
}
