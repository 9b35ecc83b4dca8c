import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { cartLines, carts, listings, orderEvents, orderLines, orders } from "@/db/schema";
import type { ShippingAddress } from "@/domain/shop/address";
import { UNPAID } from "@/domain/shop/orderStatus";
import type { Locale } from "@/domain/i18n/locales";
import { env } from "../../env";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import type { Actor } from "../actor";
import type { OpenCart } from "./cartIdentity";
import { MAX_LINE_QUANTITY } from "./cartLimits";
import { getCart } from "./cartService";
import { moveOrder } from "./orderTransitions";
import { checkoutProvider, paymentProviders, type ProviderId } from "./payments/paymentProviders";
import type { PaymentProvider } from "./payments/provider";
import { priceCart } from "./checkoutQuote";
import { claimDiscountUse } from "./discountCodes";
import { orderLink } from "./shopSecret";
import { log } from "@/server/log";

/** How long an unpaid order holds its items. */
export const PAY_WITHIN_MS = 30 * 60 * 1000;

export type CheckoutInput = { idempotencyKey: string; email: string; shippingAddress: ShippingAddress; discountCode?: string; locale?: Locale };

/** Of a limited edition, the most units one address may hold unpaid at a time: a fifth, at least two. */
export function unpaidHoldLimit(stockTotal: number): number {
  return Math.max(2, Math.ceil(stockTotal / 5));
}
/** What checkout answers: the new order (or the one this idempotency key placed) and where to pay for it. */
export const checkoutResult = z.object({ orderId: z.string(), paymentUrl: z.string() });
export type CheckoutResult = z.infer<typeof checkoutResult>;

/**
 * Turns the cart into one order and hands it to the payment provider. The order, its lines at the
 * listings' prices now, the stock it reserves and its timeline commit together or not at all; the
 * same idempotency key from the same buyer returns the same order. A limited edition never
 * oversells: each reservation is one conditional update of the listing's row. `provider` takes the
 * new order's payment (the configured one unless told).
 */
export async function createCheckout(
  db: Db,
  actor: Actor | null,
  cart: OpenCart,
  input: CheckoutInput,
  provider: PaymentProvider = checkoutProvider(),
  clientAddress: string | null = null,
): Promise<CheckoutResult> {
  const placed = await db.transaction(async (tx) => {
    if (cart.cartId) await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, cart.cartId)).for("update");
    const existing = await findByKey(tx, cart.buyerKey, input.idempotencyKey);
    if (existing && !neverReachedPayment(existing)) return { ...existing, created: false };
    // The form retries with its key after the provider failed: that order is closed, and its items
    // are back in the cart. The key moves on to the new attempt; the closed order keeps a tagged copy.
    if (existing) await tx.update(orders).set({ idempotencyKey: `${input.idempotencyKey}:closed:${existing.orderId}` }).where(eq(orders.id, existing.orderId));
    const view = await getCart(tx, cart.cartId);
    if (!view.lines.length) throw new AppError("BAD_REQUEST", "checkout.emptyCart", "Your cart is empty.");
    const gone = view.lines.find((l) => !l.available);
    if (gone && gone.stockLeft !== null && gone.stockLeft < gone.quantity) throw soldOut(gone.title);
    if (gone) throw new AppError("BAD_REQUEST", "checkout.unavailable", `${gone.title} is no longer available in this colour, size or quantity. Remove it to continue.`);

    if (clientAddress) await checkUnpaidHolds(tx, view.lines, clientAddress);
    const { quote, code, shares } = await priceCart(tx, view, { country: input.shippingAddress.country, discountCode: input.discountCode }, provider.id);
    if (code) await claimDiscountUse(tx, code.id);
    const [order] = await tx
      .insert(orders)
      .values({
        userId: actor?.userId ?? null,
        buyerKey: cart.buyerKey,
        idempotencyKey: input.idempotencyKey,
        email: input.email,
        shippingAddress: input.shippingAddress,
        subtotal: quote.subtotal,
        discount: quote.discount,
        discountCodeId: code?.id ?? null,
        discountCode: code?.code ?? null,
        shipping: quote.shipping,
        total: quote.total,
        currency: quote.currency,
        stripeTax: quote.taxAtPayment,
        provider: provider.id,
        payBy: new Date(Date.now() + PAY_WITHIN_MS),
        clientAddress,
        locale: input.locale ?? "en",
      })
      .returning({ id: orders.id, payBy: orders.payBy });
    const orderId = order!.id;
    for (const [i, line] of view.lines.entries()) {
      const [listing] = await tx
        .update(listings)
        .set({ stockLeft: sql`case when ${listings.stockLeft} is null then null else ${listings.stockLeft} - ${line.quantity} end` })
        .where(and(eq(listings.id, line.listingId), sql`(${listings.stockLeft} is null or ${listings.stockLeft} >= ${line.quantity})`, isNotNull(listings.currentVersionId)))
        .returning({ versionId: listings.currentVersionId, price: listings.price });
      if (!listing) throw soldOut(line.title);
      await tx.insert(orderLines).values({ orderId, listingId: line.listingId, versionId: listing.versionId!, variantId: line.variantId, title: line.title, quantity: line.quantity, unitPrice: listing.price, discount: shares[i]! });
    }
    await tx.insert(orderEvents).values({ orderId, fromStatus: null, toStatus: "pending_payment", actor: actor ? `user:${actor.userId}` : "guest" });
    await tx.delete(cartLines).where(eq(cartLines.cartId, cart.cartId!));
    await enqueue(tx, "expireOrder", { orderId }, { runAt: order!.payBy, maxAttempts: 10 });
    return { orderId, paymentUrl: null as string | null, created: true, total: quote.total, currency: quote.currency };
  });
  if (placed.paymentUrl) return { orderId: placed.orderId, paymentUrl: placed.paymentUrl };
  return startPayment(db, placed.orderId, input.email, cart.cartId, provider);
}

/**
 * Nobody holds a whole limited edition without paying: the units of each edition that this
 * address's unpaid orders hold, with this order's, stay within unpaidHoldLimit. Paid orders do not
 * count, so a buyer who pays can buy again.
 */
async function checkUnpaidHolds(tx: DbOrTx, lines: { listingId: string; quantity: number; title: string }[], clientAddress: string): Promise<void> {
  for (const line of lines) {
    // The edition's row locked first: checkouts from two carts at one address count one after the other.
    const [listing] = await tx.select({ total: listings.stockTotal }).from(listings).where(eq(listings.id, line.listingId)).for("update");
    if (listing?.total == null) continue;
    const [held] = await tx
      .select({ units: sql<number>`coalesce(sum(${orderLines.quantity}), 0)::int` })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(and(eq(orderLines.listingId, line.listingId), eq(orders.clientAddress, clientAddress), inArray(orders.status, [...UNPAID])));
    const limit = unpaidHoldLimit(listing.total);
    if ((held?.units ?? 0) + line.quantity > limit) {
      throw new AppError("BAD_REQUEST", "checkout.holdLimit", `${line.title} is a limited edition: at most ${limit} can wait for payment at once. Pay for the order you started, or order fewer.`);
    }
  }
}

/** An order's lines back in the cart, added to whatever it holds now (each up to the most one line may hold). */
async function returnToCart(tx: DbOrTx, orderId: string, cartId: string): Promise<void> {
  await tx.execute(sql`
    insert into cart_lines (cart_id, listing_id, variant_id, quantity)
    select ${cartId}, listing_id, variant_id, quantity from order_lines where order_id = ${orderId}
    on conflict (cart_id, listing_id, variant_id)
    do update set quantity = least(cart_lines.quantity + excluded.quantity, ${MAX_LINE_QUANTITY})`);
}

const soldOut = (title: string) => new AppError("CONFLICT", "checkout.soldOut", `${title} sold out while you were checking out.`);

/** An order canceled before it had a payment page: its payment could not start. */
const neverReachedPayment = (o: { status: string; paymentUrl: string | null }) => o.status === "canceled" && !o.paymentUrl;

async function findByKey(tx: DbOrTx, buyerKey: string, idempotencyKey: string) {
  const [row] = await tx
    .select({ orderId: orders.id, status: orders.status, paymentUrl: orders.paymentUrl, total: orders.total, currency: orders.currency })
    .from(orders)
    .where(and(eq(orders.buyerKey, buyerKey), eq(orders.idempotencyKey, idempotencyKey)));
  return row;
}

/**
 * Asks the order's provider for a payment page, once: a second submit finds the page kept on the
 * order. When the provider cannot be reached the order is canceled (its stock goes back), its items
 * go back into the cart they came from, and the shopper is told to try again.
 */
async function startPayment(db: Db, orderId: string, email: string, cartId: string | null, newOrders: PaymentProvider): Promise<CheckoutResult> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (order!.paymentUrl) return { orderId, paymentUrl: order!.paymentUrl };
  if (order!.status !== "pending_payment") throw new AppError("BAD_REQUEST", "checkout.orderClosed", "This checkout was canceled. Start a new one from your cart.");
  const provider = order!.provider === newOrders.id ? newOrders : paymentProviders().get(order!.provider as ProviderId);
  if (!provider) throw new AppError("BAD_REQUEST", "checkout.providerUnavailable", "The payment service could not be reached. Nothing was charged; please try again.");
  const appUrl = env().APP_URL;
  try {
    const started = await provider.start({
      orderId,
      amount: order!.total,
      currency: order!.currency,
      email,
      description: `Merchboard order ${orderId.slice(0, 8)}`,
      returnUrl: orderLink(appUrl, orderId),
      cancelUrl: `${appUrl}/cart`,
      payBy: order!.payBy,
      automaticTax: order!.stripeTax ? { address: order!.shippingAddress, shipping: order!.shipping } : null,
    });
    await db.update(orders).set({ paymentUrl: started.paymentUrl, providerPaymentId: started.providerPaymentId }).where(eq(orders.id, orderId));
    return { orderId, paymentUrl: started.paymentUrl };
  } catch (e) {
    log.error({ err: e, provider: provider.id, orderId }, "shop: the payment could not start");
    await db.transaction(async (tx) => {
      await moveOrder(tx, orderId, "canceled", "system", "The payment provider could not be reached.");
      if (cartId) await returnToCart(tx, orderId, cartId);
    });
    throw new AppError("BAD_REQUEST", "checkout.providerUnavailable", "The payment service could not be reached. Nothing was charged; please try again.");
  }
}
