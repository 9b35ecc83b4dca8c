import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderLines, orders } from "@/db/schema";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import { env } from "../../env";
import type { Mailer } from "../../mail/mailer";
import { orderStatusMail } from "../../mail/orderMessages";
import { listProducts } from "../catalog/catalogService";
import { orderLink } from "./shopSecret";

/** Sends the buyer the e-mail for the status the order reached (queued with the move). */
export async function sendOrderMail(db: Db, mailer: Mailer, orderId: string, status: OrderStatus): Promise<boolean> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return false;
  const [lines, products] = await Promise.all([db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id)), listProducts(db)]);
  const variants = products.flatMap((p) => p.variants);
  const mail = orderStatusMail(status, {
    to: order.email,
    orderId,
    total: order.total,
    currency: order.currency,
    items: lines.map((l) => {
      const v = variants.find((x) => x.id === l.variantId);
      return { title: l.title, quantity: l.quantity, variant: v ? `${v.color}, ${v.size}` : l.variantId };
    }),
    link: orderLink(env().APP_URL, orderId),
  });
  if (!mail) return false;
  await mailer.send(mail);
  return true;
}
