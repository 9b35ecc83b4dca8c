import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { setShopAdmin } from "@/server/services/shop/shopAdmin";
import type { Product } from "@/domain/catalog/catalog";
import { artboardOf } from "@/domain/design/artboard";
import { rect, writeShapes } from "./designShapes";
import { handleWebhookRequest } from "@/server/http/webhookHandler";
import { testProvider } from "@/server/services/shop/payments/paymentProviders";
import { TEST_SIGNATURE_HEADER } from "@/server/services/shop/payments/testProvider";
import { signedUpClient, TEST_APP_URL } from "./trpcTestClient";

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

/** The test bank's signed webhook that the order was paid `amount`, through the app's webhook route. */
export async function payThroughTestBank(db: Db, orderId: string, amount: number, currency = "USD"): Promise<void> {
  const raw = JSON.stringify({ id: `evt_${randomUUID()}`, type: "payment.succeeded", data: { orderId, paymentId: `test_${orderId}`, amount, currency } });
  const req = new Request(`${TEST_APP_URL}/api/webhooks/test`, { method: "POST", headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: testProvider().sign(raw) }, body: raw });
  const res = await handleWebhookRequest(db, req, "test");
  if (res.status !== 200) throw new Error(`The test bank's webhook answered ${res.status}`);
}
