import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderEvents, orderLines, orders, users } from "@/db/schema";
import { catalogNames } from "@/domain/i18n/catalogNames";
import { isLocale } from "@/domain/i18n/locales";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import { env } from "../../env";
import type { Mailer } from "../../mail/mailer";
import { orderStatusMail } from "../../mail/orderMessages";
import { listProducts } from "../catalog/catalogService";
import { trackingOf } from "./orderTracking";
import { orderLink } from "./shopSecret";

/** Statuses an order reaches only after its payment went through. */
const AFTER_PAYMENT: ReadonlySet<OrderStatus> = new Set(["paid", "in_production", "shipped", "delivered", "refunded"]);

/**
 * Sends the buyer the e-mail for the status the order reached (queued with the move). Anyone can
 * type anyone's address at checkout: until money has moved, mail (which quotes seller-written
 * titles) goes only to an account's own verified address; a guest sees a declined or expired
 * payment on the page instead. Returns whether a message went out.
 */
export async function sendOrderMail(db: Db, mailer: Mailer, orderId: string, status: OrderStatus): Promise<boolean> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return false;
  if (!AFTER_PAYMENT.has(status) && !(await addressProven(db, order))) return false;
  const [lines, products, [event]] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id)),
    listProducts(db),
    db.select({ note: orderEvents.note, actor: orderEvents.actor }).from(orderEvents).where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.toStatus, status))).orderBy(desc(orderEvents.at)).limit(1),
  ]);
  const variants = products.flatMap((p) => p.variants);
  const locale = isLocale(order.locale) ? order.locale : "en";
  const names = catalogNames(locale);
  const mail = orderStatusMail(status, {
    to: order.email,
    orderId,
    total: order.total,
    currency: order.currency,
    items: lines.map((l) => {
      const v = variants.find((x) => x.id === l.variantId);
      return { title: l.title, quantity: l.quantity, variant: v ? `${names.color(v.color)}, ${v.size}` : l.variantId };
    }),
    link: orderLink(env().APP_URL, orderId),
    // The shipping note is written for the buyer (the form says so); other notes stay the shop's.
    note: status === "shipped" && event?.actor.startsWith("user:") ? event.note : null,
    tracking: trackingOf(order),
    locale,
  });
  if (!mail) return false;
  await mailer.send(mail);
  return true;
}

/** The order's address is its signed-in buyer's own, verified one. */
async function addressProven(db: Db, order: { userId: string | null; email: string }): Promise<boolean> {
  if (!order.userId) return false;
  const [user] = await db.select({ email: users.email, verified: users.emailVerified }).from(users).where(eq(users.id, order.userId));
  return !!user?.verified && user.email === order.email.trim().toLowerCase();
}
