import { and, eq, gt, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orders } from "@/db/schema/shop";
import { UNPAID } from "@/domain/shop/orderStatus";
import { env } from "@/server/env";

/** What PortOne's payment window is opened with, besides the payment id (the order id). */
export type PortOneCheckoutParams = {
  storeId: string;
  channelKey: string;
  orderName: string;
  /** In minor units of `currency`, as PortOne takes them. */
  totalAmount: number;
  currency: string;
  email: string;
  /** Where the shopper lands after paying: on mobile PortOne redirects there, on desktop the page does. */
  redirectUrl: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The checkout page's parameters for an order still waiting to be paid through PortOne; null when
 * there is nothing to pay (unknown order, another provider, paid, expired) or PortOne is not set up.
 * `returnTo` is the order page the payment was started from; only an address on our site is kept.
 */
export async function portoneCheckoutParams(db: DbOrTx, orderId: string, returnTo?: string | null): Promise<PortOneCheckoutParams | null> {
  const { PORTONE_STORE_ID: storeId, PORTONE_CHANNEL_KEY: channelKey, PORTONE_API_SECRET, PORTONE_WEBHOOK_SECRET, APP_URL } = env();
  if (!storeId || !channelKey || !PORTONE_API_SECRET || !PORTONE_WEBHOOK_SECRET || !UUID.test(orderId)) return null;
  const [order] = await db
    .select({ id: orders.id, total: orders.total, currency: orders.currency, email: orders.email })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.provider, "portone"), inArray(orders.status, [...UNPAID]), gt(orders.payBy, new Date())))
    .limit(1);
  if (!order) return null;
  return {
    storeId,
    channelKey,
    orderName: `Merchboard order ${order.id.slice(0, 8)}`,
    totalAmount: order.total,
    currency: order.currency.toUpperCase(),
    email: order.email,
    redirectUrl: addressOnOurSite(returnTo, APP_URL),
  };
}

/** `returnTo` when it resolves to our own origin (no open redirect through the payment page), else our home page. */
function addressOnOurSite(returnTo: string | null | undefined, appUrl: string): string {
  const home = new URL("/", appUrl);
  if (!returnTo) return home.href;
  try {
    const url = new URL(returnTo, home);
    return url.origin === home.origin ? url.href : home.href;
  } catch {
    return home.href;
  }
}
