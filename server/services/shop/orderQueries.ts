import { and, asc, desc, eq, ilike, inArray, isNotNull, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { listings, orderEvents, orderLines, orderRefunds, orders, snapshotRenders } from "@/db/schema";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import { isShopAdminActor, type Actor, type ShopAdmin } from "../actor";
import { listProducts } from "../catalog/catalogService";
import { separationsOfRenders } from "../print/snapshotSeparations";
import { LISTING_RENDER_ROUTE } from "./listingView";
import type { OrderAccess } from "./orderAccess";
import type { OrderSummary, OrderView } from "./orderView";
import { inCatalogOrder, itemImageUrl } from "./renderOrder";
import { trackingOf } from "./orderTracking";

/** One order, for a caller that orderProcedure let see it (requireOrderViewer). */
export async function getOrder(db: DbOrTx, access: OrderAccess): Promise<OrderView> {
  const { order, shopAdmin } = access;
  const id = order.id;
  const [lines, events, refunds] = await Promise.all([
    db.select({ line: orderLines, slug: listings.slug, productId: listings.productId }).from(orderLines).innerJoin(listings, eq(listings.id, orderLines.listingId)).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.id)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).orderBy(asc(orderEvents.at), asc(orderEvents.id)),
    db.select().from(orderRefunds).where(eq(orderRefunds.orderId, id)).orderBy(asc(orderRefunds.createdAt)),
  ]);
  const products = await listProducts(db);
  const renders = lines.length
    ? await db
        .select()
        .from(snapshotRenders)
        .where(inArray(snapshotRenders.versionId, [...new Set(lines.map((l) => l.line.versionId))]))
    : [];
  const films = shopAdmin ? await separationsOfRenders(db, renders.filter((r) => r.orderLineId && r.kind === "print").map((r) => r.id)) : new Map<string, never[]>();
  return {
    id: order.id,
    status: order.status,
    email: order.email,
    shippingAddress: order.shippingAddress,
    subtotal: order.subtotal,
    discount: order.discount,
    discountCode: order.discountCode,
    shipping: order.shipping,
    tax: order.tax,
    total: order.total,
    currency: order.currency,
    refunded: order.refunded,
    refundedShipping: order.refundedShipping,
    refunds: refunds.map((r) => ({ id: r.id, amount: r.amount, shipping: r.shipping, status: r.status, reason: r.reason, at: r.createdAt, lines: r.lines })),
    provider: order.provider,
    paymentUrl: order.status === "pending_payment" || order.status === "payment_failed" ? order.paymentUrl : null,
    payBy: order.payBy,
    createdAt: order.createdAt,
    locale: order.locale,
    tracking: trackingOf(order),
    lines: lines.map(({ line, slug, productId }) => {
      const product = products.find((p) => p.id === productId);
      const variant = product?.variants.find((v) => v.id === line.variantId);
      return {
        id: line.id,
        listingId: line.listingId,
        slug,
        title: line.title,
        variantId: line.variantId,
        color: variant?.color ?? null,
        size: variant?.size ?? null,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discount: line.discount,
        refundedQuantity: line.refundedQuantity,
        imageUrl: itemImageUrl(product, finishedMockups(renders), line),
        printFiles: inCatalogOrder(product, renders.filter((r) => r.orderLineId === line.id))
          .map((r) => ({
            id: r.id,
            printAreaId: r.printAreaId,
            status: r.status,
            url: shopAdmin && r.status === "succeeded" ? `${LISTING_RENDER_ROUTE}/${r.id}` : null,
            widthPx: r.widthPx,
            heightPx: r.heightPx,
            dpi: r.dpi,
            separations: (films.get(r.id) ?? []).map((s) => ({ id: s.id, ink: s.ink, url: `${LISTING_RENDER_ROUTE}/${s.id}` })),
          })),
      };
    }),
    timeline: events.map((e) => ({ status: e.toStatus, from: e.fromStatus, at: e.at, actor: e.actor, note: e.note })),
  };
}

/**
 * The caller's own orders, newest first. A shop admin asking for `all` (shopAdminProcedureWhen
 * checked the grant) gets every order instead: by status, by part of the e-mail.
 */
export async function listOrders(db: DbOrTx, actor: Actor | ShopAdmin, filter: { all?: boolean; status?: OrderStatus; email?: string; before?: Date }): Promise<OrderSummary[]> {
  if (!filter.all || !isShopAdminActor(actor)) return summaries(db, eq(orders.userId, actor.userId), 100);
  const where = [filter.status ? eq(orders.status, filter.status) : undefined, filter.email ? ilike(orders.email, `%${filter.email.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined, filter.before ? lt(orders.createdAt, filter.before) : undefined].filter(
    (w): w is SQL => !!w,
  );
  return summaries(db, where.length ? and(...where)! : isNotNull(orders.id), 100);
}

async function summaries(db: DbOrTx, where: SQL, limit: number): Promise<OrderSummary[]> {
  const rows = await db.select().from(orders).where(where).orderBy(desc(orders.createdAt)).limit(limit);
  if (!rows.length) return [];
  const lines = await db
    .select({ orderId: orderLines.orderId, title: orderLines.title, quantity: orderLines.quantity, versionId: orderLines.versionId, variantId: orderLines.variantId, productId: listings.productId })
    .from(orderLines)
    .innerJoin(listings, eq(listings.id, orderLines.listingId))
    .where(inArray(orderLines.orderId, rows.map((r) => r.id)))
    .orderBy(asc(orderLines.id));
  const firsts = rows.map((r) => lines.find((l) => l.orderId === r.id)).filter((l) => !!l);
  const [products, mockups] = await Promise.all([
    listProducts(db),
    firsts.length
      ? db
          .select({ id: snapshotRenders.id, versionId: snapshotRenders.versionId, variantId: snapshotRenders.variantId, printAreaId: snapshotRenders.printAreaId })
          .from(snapshotRenders)
          .where(and(eq(snapshotRenders.kind, "mockup"), eq(snapshotRenders.status, "succeeded"), inArray(snapshotRenders.versionId, [...new Set(firsts.map((l) => l.versionId))])))
      : [],
  ]);
  return rows.map((r) => {
    const mine = lines.filter((l) => l.orderId === r.id);
    const first = mine[0];
    const title = mine.length > 1 ? `${first!.title} + ${mine.length - 1}` : (first?.title ?? "");
    const imageUrl = first ? itemImageUrl(products.find((p) => p.id === first.productId), mockups, first) : null;
    return { id: r.id, status: r.status, total: r.total, currency: r.currency, email: r.email, itemCount: mine.reduce((n, l) => n + l.quantity, 0), title, imageUrl, createdAt: r.createdAt };
  });
}

const finishedMockups = <T extends { kind: string; status: string }>(renders: T[]) => renders.filter((r) => r.kind === "mockup" && r.status === "succeeded");

