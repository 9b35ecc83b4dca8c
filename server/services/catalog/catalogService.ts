import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { printAreas, productPrices, products, productVariants, variantPrintSizes } from "@/db/schema";
import type { PrintArea, Product } from "@/domain/catalog/catalog";
import { AppError } from "../../errors";

/** The catalog changes only with a migration, so one read per process serves every request. */
let cached: Promise<Product[]> | null = null;

export function listProducts(db: DbOrTx): Promise<Product[]> {
  cached ??= readCatalog(db).catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

async function readCatalog(db: DbOrTx): Promise<Product[]> {
  const [rows, prices, variants, areas, sizes] = await Promise.all([
    db.select().from(products).orderBy(asc(products.position)),
    db.select().from(productPrices),
    db.select().from(productVariants).orderBy(asc(productVariants.position)),
    db.select().from(printAreas).orderBy(asc(printAreas.position)),
    db.select().from(variantPrintSizes),
  ]);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    basePrice: p.basePrice,
    currency: p.currency,
    basePrices: Object.fromEntries(prices.filter((x) => x.productId === p.id).map((x) => [x.currency, x.basePrice])),
    minDpi: p.minDpi,
    variants: variants
      .filter((v) => v.productId === p.id)
      .map(({ id, color, colorHex, size }) => ({ id, color, colorHex, size, printSizes: sizes.filter((s) => s.variantId === id).map(({ printAreaId, widthMm, heightMm, dpi }) => ({ printAreaId, widthMm, heightMm, dpi })) })),
    printAreas: areas.filter((a) => a.productId === p.id).map(({ id, name, widthMm, heightMm, dpi, safeMarginMm, bleedMm }) => ({ id, name, widthMm, heightMm, dpi, safeMarginMm, bleedMm })),
  }));
}

export async function requireProduct(db: DbOrTx, productId: string): Promise<Product> {
  const product = (await listProducts(db)).find((p) => p.id === productId);
  if (!product) throw new AppError("NOT_FOUND", "catalog.productNotFound", "There is no such product.");
  return product;
}

/** A product and one of its variants; a variant of another product is as unknown as a made-up one. */
export async function requireVariant(db: DbOrTx, productId: string, variantId: string): Promise<Product> {
  const product = await requireProduct(db, productId);
  if (!product.variants.some((v) => v.id === variantId)) throw new AppError("NOT_FOUND", "catalog.variantNotFound", "This product has no such colour or size.");
  return product;
}

/** The print area and its product, for a canvas bound to that product. */
export async function requirePrintArea(db: DbOrTx, productId: string | null, printAreaId: string): Promise<{ product: Product; area: PrintArea }> {
  const product = productId ? (await listProducts(db)).find((p) => p.id === productId) : undefined;
  const area = product?.printAreas.find((a) => a.id === printAreaId);
  if (!product || !area) throw new AppError("NOT_FOUND", "catalog.printAreaNotFound", "This canvas's product has no such print area.");
  return { product, area };
}
