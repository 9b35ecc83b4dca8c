import "server-only";
import { requireUser } from "@/server/auth/pageSession";
import { getDb } from "@/server/db";
import { isShopAdmin } from "@/server/services/shop/shopAdmin";

/** The signed-in user of an admin page (else off to sign-in) and whether they run the shop. */
export async function adminPageUser(returnTo: string) {
  const user = await requireUser(returnTo);
  return { user: { name: user.name, email: user.email }, isAdmin: await isShopAdmin(getDb(), user.id) };
}
