import type { ShippingAddress } from "@/domain/shop/address";
import { ORDER_STATUSES } from "@/domain/shop/orderStatus";
import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bytea } from "./bytea";
import { canvases } from "./canvas";
import { products } from "./catalog";
import { createdAt, updatedAt } from "./columns";
import { discountCodes } from "./discounts";
import { renderStatusEnum } from "./printFile";

/**
 * A design on sale. The listing is the page and the price; what is sold is its current version,
 * a frozen snapshot of the canvas. It outlives its canvas (the canvas id becomes null).
 */
export const listings = pgTable(
  "listings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    canvasId: uuid("canvas_id").references(() => canvases.id, { onDelete: "set null" }),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Per item, in minor units of `currency`. */
    price: integer("price").notNull(),
    currency: text("currency").notNull(),
    /** Items left to sell in a limited edition (reserved by unpaid orders included); null: unlimited. */
    stockLeft: integer("stock_left"),
    stockTotal: integer("stock_total"),
    currentVersionId: uuid("current_version_id"),
    unpublishedAt: timestamp("unpublished_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("listings_canvas_idx").on(t.canvasId), check("listings_stock_left_nonnegative", sql`${t.stockLeft} >= 0`)],
);

/** What one publish froze: the document, the colours and sizes on sale, and the price asked. */
export const listingVersions = pgTable(
  "listing_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** The Yjs state of the canvas at publish. */
    state: bytea("state").notNull(),
    variantIds: text("variant_ids").array().notNull(),
    /** The colour the design was made on, shown first (null: it is not on sale; the catalog's first leads). */
    featuredColor: text("featured_color"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("listing_versions_listing_version_idx").on(t.listingId, t.version)],
);

/** Copies of the images a version shows, so deleting the canvas or its assets changes nothing sold. */
export const listingImages = pgTable(
  "listing_images",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => listingVersions.id, { onDelete: "cascade" }),
    /** The image shape's `src` in the snapshot. */
    src: text("src").notNull(),
    objectKey: text("object_key").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.src] })],
);

export const snapshotRenderKindEnum = pgEnum("snapshot_render_kind", ["mockup", "print"]);

/**
 * A render of a listing version: its HQ mockups and print files at publish, and an order line's
 * print files once paid (`orderLineId` set).
 */
export const snapshotRenders = pgTable(
  "snapshot_renders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => listingVersions.id, { onDelete: "cascade" }),
    orderLineId: uuid("order_line_id").references(() => orderLines.id, { onDelete: "cascade" }),
    kind: snapshotRenderKindEnum("kind").notNull(),
    /** The colour a mockup shows; null for print files. */
    variantId: text("variant_id"),
    printAreaId: text("print_area_id").notNull(),
    status: renderStatusEnum("status").notNull().default("queued"),
    widthPx: integer("width_px").notNull(),
    heightPx: integer("height_px").notNull(),
    dpi: integer("dpi"),
    objectKey: text("object_key"),
    byteSize: integer("byte_size"),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("snapshot_renders_version_idx").on(t.versionId, t.kind), index("snapshot_renders_order_line_idx").on(t.orderLineId)],
);

/** A shopper's cart: an account's (`userId`) or a signed-out browser's (the cookie's token hash). */
export const carts = pgTable("carts", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: text("user_id")
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").unique(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const cartLines = pgTable(
  "cart_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    variantId: text("variant_id").notNull(),
    quantity: integer("quantity").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("cart_lines_item_idx").on(t.cartId, t.listingId, t.variantId), check("cart_lines_quantity_range", sql`${t.quantity} between 1 and 100`)],
);

export const orderStatusEnum = pgEnum("order_status", ORDER_STATUSES);

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Who placed it: an account, or a signed-out cart (`buyerKey` is then the cart's token hash). */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    buyerKey: text("buyer_key").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    email: text("email").notNull(),
    shippingAddress: jsonb("shipping_address").$type<ShippingAddress>().notNull(),
    status: orderStatusEnum("status").notNull().default("pending_payment"),
    subtotal: integer("subtotal").notNull(),
    /** Taken off the subtotal by `discountCode` (the code as the shopper's order applied it). */
    discount: integer("discount").notNull().default(0),
    discountCodeId: uuid("discount_code_id").references((): AnyPgColumn => discountCodes.id, { onDelete: "set null" }),
    discountCode: text("discount_code"),
    shipping: integer("shipping").notNull(),
    total: integer("total").notNull(),
    currency: text("currency").notNull(),
    /** Stripe Tax adds sales tax at payment; `tax` is what it added (part of `total` once paid). */
    stripeTax: boolean("stripe_tax").notNull().default(false),
    tax: integer("tax").notNull().default(0),
    /** Given back so far, through order_refunds that succeeded or are in flight. */
    refunded: integer("refunded").notNull().default(0),
    refundedShipping: integer("refunded_shipping").notNull().default(0),
    provider: text("provider").notNull(),
    /** The provider's id for the payment (a Checkout Session, a PortOne payment id…). */
    providerPaymentId: text("provider_payment_id"),
    /** The provider's page for paying this order (a second submit of the same key is sent there again). */
    paymentUrl: text("payment_url"),
    /** Stock goes back on sale if the order is not paid by then. */
    payBy: timestamp("pay_by", { withTimezone: true }).notNull(),
    stockReleased: integer("stock_released").notNull().default(0),
    /** The address the checkout came from: limited editions count unpaid holds per address. */
    clientAddress: text("client_address"),
    /** Set when the shop marks it shipped: a carrier of domain/shop/carriers.ts and its parcel number. */
    trackingCarrier: text("tracking_carrier"),
    trackingNumber: text("tracking_number"),
    /** The language the buyer checked out in: the order's mail is written in it. */
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_idempotency_idx").on(t.buyerKey, t.idempotencyKey),
    index("orders_user_idx").on(t.userId, t.createdAt),
    index("orders_status_idx").on(t.status, t.createdAt),
    index("orders_client_address_idx").on(t.clientAddress, t.status),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => listingVersions.id),
    variantId: text("variant_id").notNull(),
    title: text("title").notNull(),
    quantity: integer("quantity").notNull(),
    unitPrice: integer("unit_price").notNull(),
    /** This line's share of the order's discount. */
    discount: integer("discount").notNull().default(0),
    refundedQuantity: integer("refunded_quantity").notNull().default(0),
  },
  (t) => [index("order_lines_order_idx").on(t.orderId), index("order_lines_listing_idx").on(t.listingId)],
);

/** Every change of an order's status: when, by whom (`user:<id>`, `provider:<name>`, `system`), why. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: orderStatusEnum("from_status"),
    toStatus: orderStatusEnum("to_status").notNull(),
    actor: text("actor").notNull(),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.at)],
);

/** Webhook events already applied, by the provider's event id: a replay is a no-op. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    amount: integer("amount"),
    currency: text("currency"),
    outcome: text("outcome").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/** People who run the shop: see every order, download print files, move orders along. */
export const shopAdmins = pgTable("shop_admins", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  grantedAt: createdAt(),
});
