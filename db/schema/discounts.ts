import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { RefundedLine } from "@/domain/shop/refunds";
import { users } from "./auth";
import { createdAt } from "./columns";
import { listings, orders } from "./shop";

/**
 * A code a shopper types at checkout: a percentage or a fixed amount off, on one listing or the
 * whole shop, until it is used `maxUses` times or expires. `uses` counts orders that hold it (an
 * order that ends unpaid gives its use back).
 */
export const discountCodes = pgTable(
  "discount_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Upper case as stored; shoppers type it in any case. */
    code: text("code").notNull(),
    kind: text("kind").$type<"percent" | "fixed">().notNull(),
    /** 1–100 for a percentage; minor units of `currency` for a fixed amount. */
    value: integer("value").notNull(),
    /** A fixed amount's currency; null for a percentage (it applies in any). */
    currency: text("currency"),
    /** Only this listing's lines; null: every line in the cart. */
    listingId: uuid("listing_id").references(() => listings.id, { onDelete: "cascade" }),
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    active: boolean("active").notNull().default(true),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("discount_codes_code_idx").on(t.code),
    check("discount_codes_value", sql`(${t.kind} = 'percent' and ${t.value} between 1 and 100 and ${t.currency} is null) or (${t.kind} = 'fixed' and ${t.value} > 0 and ${t.currency} is not null)`),
    check("discount_codes_uses", sql`${t.uses} >= 0 and (${t.maxUses} is null or ${t.uses} <= ${t.maxUses})`),
  ],
);

/**
 * Money given back on a paid order, for some of its lines and maybe its shipping. Written
 * `pending` before the provider is asked, so a refund in flight is never asked twice.
 */
export const orderRefunds = pgTable(
  "order_refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    /** The shipping given back with it (part of `amount`). */
    shipping: integer("shipping").notNull().default(0),
    lines: jsonb("lines").$type<RefundedLine[]>().notNull(),
    reason: text("reason").notNull(),
    status: text("status").$type<"pending" | "succeeded" | "failed">().notNull().default("pending"),
    actor: text("actor").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("order_refunds_order_idx").on(t.orderId, t.createdAt), check("order_refunds_amount", sql`${t.amount} > 0`)],
);
