import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderLines, orderRefunds, orders } from "@/db/schema";
import { catalogNames } from "@/domain/i18n/catalogNames";
import { isLocale } from "@/domain/i18n/locales";
import { env } from "../../env";
import type { Mailer } from "../../mail/mailer";
import { refundMail } from "../../mail/refundMessages";
import { listProducts } from "../catalog/catalogService";
import { orderLink } from "./shopSecret";

/** Mails the buyer what a partial refund gave back (a refund of everything mails as the order's "refunded"). */
export async function sendRefundMail(db: Db, mailer: Mailer, refundId: string): Promise<boolean> {
  const [refund] = await db.select().from(orderRefunds).where(eq(orderRefunds.id, refundId));
  if (refund?.status !== "succeeded") return false;
  const [order] = await db.select().from(orders).where(eq(orders.id, refund.orderId));
  if (!order) return false;
  const lineIds = refund.lines.map((l) => l.lineId);
  const [lines, products] = await Promise.all([lineIds.length ? db.select().from(orderLines).where(inArray(orderLines.id, lineIds)) : [], listProducts(db)]);
  const variants = products.flatMap((p) => p.variants);
  const locale = isLocale(order.locale) ? order.locale : "en";
  const names = catalogNames(locale);
  await mailer.send(
    refundMail({
      to: order.email,
      orderId: order.id,
      amount: refund.amount,
      currency: refund.currency,
      items: refund.lines.map((r) => {
        const line = lines.find((l) => l.id === r.lineId);
        const v = variants.find((x) => x.id === line?.variantId);
        return { title: line?.title ?? "", quantity: r.quantity, variant: v ? `${names.color(v.color)}, ${v.size}` : (line?.variantId ?? "") };
      }),
      shipping: refund.shipping > 0,
      refundedTotal: order.refunded,
      reason: refund.reason,
      link: orderLink(env().APP_URL, order.id),
      locale,
    }),
  );
  return true;
}
