import { doublePrecision, index, integer, pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** What a product is, which decides how its mockup is drawn. */
export const productKindEnum = pgEnum("product_kind", ["tshirt", "hoodie", "mug", "tote", "poster", "stickers", "phone_case"]);

/** The goods a design can be printed on; seeded by a migration, read-only to the app. */
export const products = pgTable("products", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: productKindEnum("kind").notNull(),
  /** Integer minor units of `currency` (cents, won). */
  basePrice: integer("base_price").notNull(),
  currency: text("currency").notNull(),
  /** The lowest DPI a print may have before quality suffers (150 fabric, 300 hard goods and paper). */
  minDpi: integer("min_dpi").notNull(),
  position: integer("position").notNull(),
});

/** A product's base price in each currency the shop sells in (the product's own `currency` included). */
export const productPrices = pgTable(
  "product_prices",
  {
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    currency: text("currency").notNull(),
    /** Integer minor units of `currency`. */
    basePrice: integer("base_price").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.currency] })],
);

/** One orderable colour and size (or model, or paper size) of a product. */
export const productVariants = pgTable(
  "product_variants",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    color: text("color").notNull(),
    colorHex: text("color_hex").notNull(),
    size: text("size").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("product_variants_product_idx").on(t.productId)],
);

/** A printable surface of a product; a design has one artboard per print area. */
export const printAreas = pgTable(
  "print_areas",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    widthMm: doublePrecision("width_mm").notNull(),
    heightMm: doublePrecision("height_mm").notNull(),
    dpi: integer("dpi").notNull(),
    safeMarginMm: doublePrecision("safe_margin_mm").notNull(),
    bleedMm: doublePrecision("bleed_mm").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("print_areas_product_idx").on(t.productId)],
);

/**
 * A variant that prints at its own size on one of its product's print areas (a poster's paper
 * size, a phone model's case template). Variants without a row print at the area's own size.
 */
export const variantPrintSizes = pgTable(
  "variant_print_sizes",
  {
    variantId: text("variant_id")
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    printAreaId: text("print_area_id")
      .notNull()
      .references(() => printAreas.id, { onDelete: "cascade" }),
    widthMm: doublePrecision("width_mm").notNull(),
    heightMm: doublePrecision("height_mm").notNull(),
    dpi: integer("dpi").notNull(),
  },
  (t) => [primaryKey({ columns: [t.variantId, t.printAreaId] })],
);
