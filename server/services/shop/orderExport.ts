import { and, asc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { listings, orderLines, orders } from "@/db/schema";
import { toCsv } from "@/domain/shop/csv";
import { minorDigits } from "@/domain/shop/money";
import type { OrderStatus } from "@/domain/shop/orderStatus";
import { listProducts } from "../catalog/catalogService";
import { trackingOf } from "./orderTracking";

export type ExportFilter = { status?: OrderStatus; from?: Date; to?: Date };

/** At most this many orders in one file; a longer period is exported in parts. */
export const MAX_EXPORT_ORDERS = 5000;

const HEADER = [
  "order", "placed_at", "status", "email", "name", "phone", "address_line1", "address_line2", "city", "region", "postal_code", "country",
  "item", "product", "color", "size", "quantity", "refunded_quantity", "unit_price", "line_discount", "currency",
  "order_total", "discount_code", "tax", "refunded", "carrier", "tracking_number",
];

/** An amount in minor units as a plain decimal in its currency: 2800 USD → 28.00, 32000 KRW → 32000. */
const decimal = (amount: number, currency: string) => (amount / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));

/**
 * The shop's orders for fulfilment, one row per line (what a print partner picks and packs), the
 * oldest first: who and where to ship to, what (units refunded are not shipped), what was paid,
 * and the parcel once shipped.
 */
export async function exportOrdersCsv(db: DbOrTx, filter: ExportFilter): Promise<{ csv: string; orders: number; truncated: boolean }> {
  const where = [
    filter.status ? eq(orders.status, filter.status) : undefined,
    filter.from ? gte(orders.createdAt, filter.from) : undefined,
    filter.to ? lt(orders.createdAt, filter.to) : undefined,
  ].filter((w): w is SQL => !!w);
  const rows = await db
    .select()
    .from(orders)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(orders.createdAt), asc(orders.id))
    .limit(MAX_EXPORT_ORDERS + 1);
  const truncated = rows.length > MAX_EXPORT_ORDERS;
  const chosen = rows.slice(0, MAX_EXPORT_ORDERS);
  const [lines, products] = await Promise.all([
    chosen.length
      ? db
          .select({ line: orderLines, productId: listings.productId })
          .from(orderLines)
          .innerJoin(listings, eq(listings.id, orderLines.listingId))
          .where(inArray(orderLines.orderId, chosen.map((o) => o.id)))
          .orderBy(asc(orderLines.id))
      : [],
    listProducts(db),
  ]);
  const out: (string | number | null | undefined)[][] = [HEADER];
  for (const o of chosen) {
    const a = o.shippingAddress;
    const tracking = trackingOf(o);
    for (const { line, productId } of lines.filter((l) => l.line.orderId === o.id)) {
      const product = products.find((p) => p.id === productId);
      const variant = product?.variants.find((v) => v.id === line.variantId);
      out.push([
        o.id.slice(0, 8).toUpperCase(), o.createdAt.toISOString(), o.status, o.email, a.name, a.phone, a.line1, a.line2, a.city, a.region, a.postalCode, a.country,
        line.title, product?.name ?? productId, variant?.color, variant?.size, line.quantity, line.refundedQuantity, decimal(line.unitPrice, o.currency), decimal(line.discount, o.currency), o.currency,
        decimal(o.total, o.currency), o.discountCode, decimal(o.tax, o.currency), decimal(o.refunded, o.currency), tracking?.carrierName, tracking?.number,
      ]);
    }
  }
  return { csv: toCsv(out), orders: chosen.length, truncated };
}
