import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { updatedAt } from "./columns";

/**
 * The shop admin's shipping table, in minor units of each currency: a row per currency and zone
 * (domestic, the zone of nearby countries, the rest of the world). A missing row means the
 * built-in default of domain/shop/shipping.ts.
 */
export const shippingRates = pgTable(
  "shipping_rates",
  {
    currency: text("currency").notNull(),
    zone: text("zone").notNull(),
    first: integer("first").notNull(),
    each: integer("each").notNull(),
    /** Free from this subtotal (after discounts); null: never free. */
    freeFrom: integer("free_from"),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.currency, t.zone] }),
    check("shipping_rates_zone", sql`${t.zone} in ('domestic', 'zone', 'world')`),
    check("shipping_rates_amounts", sql`${t.first} >= 0 and ${t.each} >= 0 and (${t.freeFrom} is null or ${t.freeFrom} > 0)`),
  ],
);

/** The shop's own settings: one row (id 1), absent until an admin first saves. */
export const shopSettings = pgTable(
  "shop_settings",
  {
    id: smallint("id").primaryKey().default(1),
    /** The countries of the "zone" rate (near the shop's own country), ISO 3166-1 alpha-2. */
    zoneCountries: text("zone_countries").array().notNull(),
    /** Stripe computes and adds sales tax at checkout (Stripe Tax must be set up in the Stripe account). */
    stripeTax: boolean("stripe_tax").notNull().default(false),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [check("shop_settings_single_row", sql`${t.id} = 1`)],
);
