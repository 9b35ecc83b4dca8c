import { and, asc, desc, eq, ilike, inArray, isNotNull, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { listings, orderEvents, orderLines, orders, snapshotRenders } from "@/db/schema";
import type { ShippingAddress } from "@/domain/shop/address";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import { AppError } from "../../errors";
import { listProducts } from "../catalog/catalogService";
import { LISTING_RENDER_ROUTE } from "./listingView";
import { inCatalogOrder, itemImageUrl } from "./renderOrder";
import { orderKey, sameDigest } from "./shopSecret";

export type OrderLineView = {
  id: string;
  listingId: string;
  slug: string;
  title: string;
  variantId: string;
  color: string | null;
  size: string | null;
  quantity: number;
  unitPrice: number;
  imageUrl: string | null;
  /** Print files of this line once paid; their URLs only for shop admins. */
  printFiles: { id: string; printAreaId: string; status: "queued" | "running" | "succeeded" | "failed"; url: string | null; widthPx: number; heightPx: number; dpi: number | null }[];
};

export type OrderView = {
  id: string;
  status: OrderStatus;
  email: string;
  shippingAddress: ShippingAddress;
  subtotal: number;
  shipping: number;
  total: number;
  currency: string;
  provider: string;
  /** Where to pay while the order waits for payment. */
  paymentUrl: string | null;
  payBy: Date;
  createdAt: Date;
  lines: OrderLineView[];
  timeline: { status: OrderStatus; from: OrderStatus | null; at: Date; actor: string; note: string | null }[];
};

/** `imageUrl`: the first item's picture. */
export type OrderSummary = { id: string; status: OrderStatus; total: number; currency: string; email: string; itemCount: number; title: string; imageUrl: string | null; createdAt: Date };

/** Who is asking: an account (maybe a shop admin), or a signed-out holder of the order's link. */
export type OrderViewer = { userId: string | null; isAdmin: boolean; key?: string | null };

const notFound = () => new AppError("NOT_FOUND", "order.notFound", "There is no such order, or it is not yours.");

/** One order for its buyer, whoever holds its link, or a shop admin; to anyone else it does not exist. */
export async function getOrder(db: DbOrTx, viewer: OrderViewer, id: string): Promise<OrderView> {
  const [order] = await db.select().from(orders).where(eq(orders.id, id));
  if (!order) throw notFound();
  const mayView = viewer.isAdmin || (viewer.userId !== null && order.userId === viewer.userId) || (!!viewer.key && sameDigest(viewer.key, orderKey(id)));
  if (!mayView) throw notFound();
  const [lines, events] = await Promise.all([
    db.select({ line: orderLines, slug: listings.slug, productId: listings.productId }).from(orderLines).innerJoin(listings, eq(listings.id, orderLines.listingId)).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.id)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).orderBy(asc(orderEvents.at), asc(orderEvents.id)),
  ]);
  const products = await listProducts(db);
  const renders = lines.length
    ? await db
        .select()
        .from(snapshotRenders)
        .where(inArray(snapshotRenders.versionId, [...new Set(lines.map((l) => l.line.versionId))]))
    : [];
  return {
    id: order.id,
    status: order.status,
    email: order.email,
    shippingAddress: order.shippingAddress,
    subtotal: order.subtotal,
    shipping: order.shipping,
    total: order.total,
    currency: order.currency,
    provider: order.provider,
    paymentUrl: order.status === "pending_payment" || order.status === "payment_failed" ? order.paymentUrl : null,
    payBy: order.payBy,
    createdAt: order.createdAt,
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
        imageUrl: itemImageUrl(product, finishedMockups(renders), line),
        printFiles: inCatalogOrder(product, renders.filter((r) => r.orderLineId === line.id))
          .map((r) => ({ id: r.id, printAreaId: r.printAreaId, status: r.status, url: viewer.isAdmin && r.status === "succeeded" ? `${LISTING_RENDER_ROUTE}/${r.id}` : null, widthPx: r.widthPx, heightPx: r.heightPx, dpi: r.dpi })),
      };
    }),
    timeline: events.map((e) => ({ status: e.toStatus, from: e.fromStatus, at: e.at, actor: e.actor, note: e.note })),
  };
}

/** The buyer's own orders, newest first. */
export async function listOwnOrders(db: DbOrTx, userId: string): Promise<OrderSummary[]> {
  return summaries(db, eq(orders.userId, userId), 100);
}

/** Every order, for shop admins: by status, by part of the e-mail, newest first. */
export async function listAllOrders(db: DbOrTx, filter: { status?: OrderStatus; email?: string; before?: Date }): Promise<OrderSummary[]> {
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
