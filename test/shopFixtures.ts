import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { setShopAdmin } from "@/server/services/shop/shopAdmin";
import type { Product } from "@/domain/catalog/catalog";
import { artboardOf } from "@/domain/design/artboard";
import { rect, writeShapes } from "./designShapes";
import { signedUpClient } from "./trpcTestClient";

export const TEE_PRICE = 2800;

/**
 * An owner's canvas designing a tee with a red square on the front, published through the API:
 * black and white in M and L unless told which variants.
 */
export async function publishedTee(db: Db, products: Product[], opts: { stock?: number; price?: number; currency?: "USD" | "KRW"; variantIds?: string[]; title?: string } = {}) {
  const owner = await signedUpClient(db, "Seller");
  const { id: canvasId } = await owner.client.canvas.create.mutate({ name: "Shop tee" });
  const tee = products.find((p) => p.id === "tee")!;
  await owner.client.canvas.setProduct.mutate({ id: canvasId, productId: "tee", variantId: "tee-black-m" });
  const board = artboardOf(tee.printAreas[0]!);
  await writeShapes(db, canvasId, [rect({ x: board.width / 4, y: board.height / 4, width: board.width / 2, height: board.height / 2 })]);
  const listing = await owner.client.listing.publish.mutate({
    canvasId,
    title: opts.title ?? "Night Owl Tee",
    price: opts.price ?? TEE_PRICE,
    currency: opts.currency,
    variantIds: opts.variantIds ?? ["tee-black-m", "tee-black-l", "tee-white-m", "tee-white-l"],
    stock: opts.stock,
  });
  return { owner, canvasId, tee, board, ...listing };
}

export const address = { name: "Ada Lovelace", line1: "12 Analytical St", city: "Springfield", region: "IL", postalCode: "62701", country: "US", phone: "(217) 555-0134" };

/** A signed-in client whose verified account the operator made a shop admin. */
export async function shopAdminClient(db: Db, name = "Admin") {
  const admin = await signedUpClient(db, name);
  await db.update(users).set({ emailVerified: true }).where(eq(users.id, admin.user.id));
  await setShopAdmin(db, admin.email, true);
  return admin;
}
