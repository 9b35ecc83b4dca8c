import type { Db } from "@/db/client";
import { artboardOf } from "@/domain/design/artboard";
import { startSession } from "@/server/auth/sessions";
import { signUp } from "@/server/services/account/accountService";
import { requireCanvasRole } from "@/server/services/canvas/access";
import { createCanvas, setCanvasProduct } from "@/server/services/canvas/canvasService";
import { listProducts } from "@/server/services/catalog/catalogService";
import { CART_COOKIE, openCart } from "@/server/services/shop/cartIdentity";
import { addToCart } from "@/server/services/shop/cartService";
import { publishListing } from "@/server/services/shop/listingService";
import type { Storage } from "@/server/storage/storage";
import { rect, writeShapes } from "@/test/designShapes";

/** A published tee with a design on its front, as a seller would publish it. */
export async function seedListing(db: Db, storage: Storage) {
  const owner = await signUp(db, { email: "seller@example.com", password: "password123", name: "Seller" }, "bench");
  const { id } = await createCanvas(db, { userId: owner.id }, { name: "Bench tee" });
  const access = await requireCanvasRole(db, owner.id, id, "owner");
  await setCanvasProduct(db, access, { productId: "tee", variantId: "tee-black-m" });
  const tee = (await listProducts(db)).find((p) => p.id === "tee")!;
  const board = artboardOf(tee.printAreas[0]!);
  await writeShapes(db, id, [rect({ x: board.width / 4, y: board.height / 4, width: board.width / 2, height: board.height / 2 })]);
  const fresh = await requireCanvasRole(db, owner.id, id, "owner");
  const listing = await publishListing(db, storage, fresh, { title: "Bench Tee", price: 2800, variantIds: tee.variants.map((v) => v.id) });
  return { ...listing, ownerCookie: (await startSession(db, owner.id)).split(";")[0]! };
}

/** A signed-out shopper's cart with `lines` items of the listing: the cookie that names it. */
export async function guestCart(db: Db, listingId: string, lines: string[]): Promise<string> {
  const cart = await openCart(db, { userId: null, guestToken: null }, { create: true });
  for (const variantId of lines) await addToCart(db, cart.cartId!, { listingId, variantId, quantity: 1 });
  return `${CART_COOKIE}=${cart.issuedToken}`;
}
