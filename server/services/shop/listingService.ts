import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull, max, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { assets, listingImages, listings, listingVersions, orderLines, orders, snapshotRenders, users } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { assetsShown } from "@/domain/document/assetSource";
import { canvasDoc, orderedShapes } from "@/domain/document/canvasDoc";
import type { Shape } from "@/domain/document/shape";
import { formatMoney } from "@/domain/shop/money";
import * as Y from "yjs";
import { loadDoc } from "../canvas/docStore";
import { AppError } from "../../errors";
import { listingImageKey } from "../../storage/objectKeys";
import { readObject, writeObject, type Storage } from "../../storage/storage";
import type { CanvasAccess } from "../canvas/access";
import { listingNotFound, type ListingAccess } from "../canvas/resourceAccess";
import { listProducts, requireProduct } from "../catalog/catalogService";
import { designCredits } from "../elements/designCredits";
import { designedAreas } from "../print/designSource";
import { LISTING_RENDER_ROUTE, type CanvasListingView, type ListingView, type PublishedListing } from "./listingView";
import { inCatalogOrder } from "./renderOrder";
import { requireConfirmedPreflight } from "./publishPreflight";
import { makeSlug } from "./slug";
import { queueVersionRenders } from "./snapshotRenders";

export type PublishInput = {
  title: string;
  description?: string;
  price: number;
  /** One of the product's `basePrices`' currencies; its own `currency` when absent. */
  currency?: string;
  variantIds: string[];
  stock?: number | null;
  /** The preflight problems (by code) the owner saw and chose to publish with. */
  confirmPreflight?: string[];
};

const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

/**
 * Puts the canvas's design on sale, or publishes a new version of its listing: the document as it
 * is now, copies of its images, and renders of its mockups and print files, frozen together.
 * Later edits to the canvas change nothing sold until the owner publishes again.
 */
export async function publishListing(db: Db, storage: Storage, access: CanvasAccess, input: PublishInput): Promise<PublishedListing> {
  if (!access.canvas.productId) throw new AppError("BAD_REQUEST", "listing.noProduct", "Choose a product for this canvas before publishing it.");
  const product = await requireProduct(db, access.canvas.productId);
  const variantIds = [...new Set(input.variantIds)];
  if (variantIds.some((id) => !product.variants.some((v) => v.id === id))) throw new AppError("NOT_FOUND", "catalog.variantNotFound", "This product has no such colour or size.");
  const currency = input.currency ?? product.currency;
  const basePrice = product.basePrices[currency];
  if (basePrice === undefined) throw new AppError("BAD_REQUEST", "listing.currencyUnavailable", `This product is not sold in ${currency}.`);
  if (input.price < basePrice) {
    throw new AppError("BAD_REQUEST", "listing.priceBelowBase", `The price must be at least the product's base price (${formatMoney(basePrice, currency, "en-US")}).`);
  }
  const { doc } = await loadDoc(db, access.canvas.id);
  const shapes = orderedShapes(canvasDoc(doc));
  const areaIds = designedAreas(shapes, product).map((a) => a.id);
  if (!areaIds.length) throw new AppError("BAD_REQUEST", "listing.emptyDesign", "The design is empty: put something on the product before publishing it.");
  await requireConfirmedPreflight(db, access.canvas.id, product, shapes, input.confirmPreflight ?? []);

  const [existing] = await db.select({ id: listings.id }).from(listings).where(eq(listings.canvasId, access.canvas.id));
  const listingId = existing?.id ?? randomUUID();
  const versionId = randomUUID();
  const images = await copyImages(db, storage, access.canvas.id, listingId, versionId, shapes);
  const state = Y.encodeStateAsUpdate(doc);

  return db.transaction(async (tx) => {
    const taken = existing ? await unitsTaken(tx, existing.id) : 0;
    const values = {
      title: input.title,
      description: input.description ?? "",
      price: input.price,
      currency,
      stockLeft: input.stock == null ? null : Math.max(0, input.stock - taken),
      stockTotal: input.stock ?? null,
      currentVersionId: versionId,
      unpublishedAt: null,
    };
    const [listing] = await tx
      .insert(listings)
      .values({ id: listingId, slug: makeSlug(input.title), canvasId: access.canvas.id, ownerId: access.userId, productId: product.id, ...values })
      .onConflictDoUpdate({ target: listings.canvasId, set: { ...values, productId: product.id, ownerId: access.userId } })
      .returning({ id: listings.id, slug: listings.slug });
    // A concurrent first publish may have won the insert with another id: the copies went under ours.
    if (listing!.id !== listingId) throw new AppError("CONFLICT", "listing.publishing", "This design is being published right now. Try again in a moment.");
    const [last] = await tx.select({ v: max(listingVersions.version) }).from(listingVersions).where(eq(listingVersions.listingId, listingId));
    const version = (last?.v ?? 0) + 1;
    await tx.insert(listingVersions).values({ id: versionId, listingId, version, state, variantIds, featuredColor: featuredColorOf(product, access.canvas.variantId, variantIds) });
    if (images.length) await tx.insert(listingImages).values(images.map((i) => ({ versionId, ...i })));
    await queueVersionRenders(tx, { versionId, product, areaIds, variantIds });
    return { id: listingId, slug: listing!.slug, version };
  });
}

/** The colour of the variant the design was made on, when that colour is on sale. */
function featuredColorOf(product: Product, designVariantId: string | null, onSale: string[]): string | null {
  const color = product.variants.find((v) => v.id === designVariantId)?.color;
  return color && product.variants.some((v) => v.color === color && onSale.includes(v.id)) ? color : null;
}

/**
 * Units of the listing that orders hold or have sold (every order whose stock was not given back),
 * with the listing locked first: a checkout that reserves after this waits for the new stock, and
 * one that reserved before it has committed its lines. A limited edition stays the size it says
 * however often it is published again.
 */
async function unitsTaken(tx: DbOrTx, listingId: string): Promise<number> {
  await tx.select({ id: listings.id }).from(listings).where(eq(listings.id, listingId)).for("update");
  const [row] = await tx
    .select({ units: sql<number>`coalesce(sum(${orderLines.quantity}), 0)::int` })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orderLines.listingId, listingId), eq(orders.stockReleased, 0)));
  return row?.units ?? 0;
}

/**
 * Copies every image the design shows (this canvas's ready assets) beside the version. An image
 * that cannot be copied (still uploading, or removed) refuses the publish: what is sold must print
 * every picture it shows.
 */
async function copyImages(db: DbOrTx, storage: Storage, canvasId: string, listingId: string, versionId: string, shapes: Shape[]) {
  const bySrc = assetsShown(shapes);
  if (!bySrc.size) return [];
  const rows = await db
    .select({ id: assets.id, key: assets.objectKey, width: assets.width, height: assets.height })
    .from(assets)
    .where(and(eq(assets.canvasId, canvasId), eq(assets.status, "ready"), inArray(assets.id, [...new Set(bySrc.values())])));
  const copies: { src: string; objectKey: string; width: number; height: number }[] = [];
  for (const [src, assetId] of bySrc) {
    const row = rows.find((r) => r.id === assetId);
    const read = row?.key ? await readObject(storage, row.key, MAX_IMAGE_BYTES) : null;
    if (!row || read?.kind !== "ok") throw new AppError("BAD_REQUEST", "listing.imageNotReady", "An image on the design is not ready (still uploading, or removed). Wait for it or take it off, then publish again.");
    const objectKey = listingImageKey(listingId, versionId, assetId);
    await writeObject(storage, objectKey, read.body, "application/octet-stream");
    copies.push({ src, objectKey, width: row.width ?? 0, height: row.height ?? 0 });
  }
  return copies;
}

/** A published listing by its page address; unpublished and unknown ones are the same NOT_FOUND. */
export async function getListing(db: DbOrTx, slug: string): Promise<ListingView> {
  const [row] = await db.select().from(listings).where(and(eq(listings.slug, slug), isNull(listings.unpublishedAt), isNotNull(listings.currentVersionId)));
  if (!row) throw notFound();
  return viewOf(db, row);
}

/** The listing of a canvas, published or not, for its owner's publish panel. */
export async function getCanvasListing(db: DbOrTx, access: CanvasAccess): Promise<CanvasListingView | null> {
  const [row] = await db.select().from(listings).where(and(eq(listings.canvasId, access.canvas.id), isNotNull(listings.currentVersionId)));
  if (!row) return null;
  const view = await viewOf(db, row);
  const prints = await db
    .select({ printAreaId: snapshotRenders.printAreaId, status: snapshotRenders.status })
    .from(snapshotRenders)
    .where(and(eq(snapshotRenders.versionId, row.currentVersionId!), eq(snapshotRenders.kind, "print"), isNull(snapshotRenders.orderLineId)));
  return { ...view, published: !row.unpublishedAt, printFiles: prints };
}

/** Takes the page down (for its publisher or the canvas's owner: ListingAccess). Carts stop offering it; orders already placed are untouched. */
export async function unpublishListing(db: DbOrTx, access: ListingAccess): Promise<void> {
  await db.update(listings).set({ unpublishedAt: new Date() }).where(and(eq(listings.id, access.listingId), isNull(listings.unpublishedAt)));
}

const notFound = listingNotFound;

async function viewOf(db: DbOrTx, row: typeof listings.$inferSelect): Promise<ListingView> {
  const product: Product | undefined = (await listProducts(db)).find((p) => p.id === row.productId);
  const [version] = await db
    .select({ version: listingVersions.version, variantIds: listingVersions.variantIds, featuredColor: listingVersions.featuredColor, state: listingVersions.state })
    .from(listingVersions)
    .where(eq(listingVersions.id, row.currentVersionId!));
  if (!product || !version) throw notFound();
  const [renders, [seller]] = await Promise.all([
    db
      .select()
      .from(snapshotRenders)
      .where(and(eq(snapshotRenders.versionId, row.currentVersionId!), eq(snapshotRenders.kind, "mockup"))),
    row.ownerId ? db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.ownerId)) : [],
  ]);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    price: row.price,
    currency: row.currency,
    version: version.version,
    product: { id: product.id, name: product.name, kind: product.kind, printAreas: product.printAreas.map((a) => ({ id: a.id, name: a.name })) },
    variants: product.variants.filter((v) => version.variantIds.includes(v.id)),
    featuredColor: version.featuredColor,
    mockups: inCatalogOrder(product, renders, version.featuredColor).map((r) => ({
      id: r.id,
      variantId: r.variantId!,
      printAreaId: r.printAreaId,
      status: r.status,
      url: r.status === "succeeded" && r.objectKey ? `${LISTING_RENDER_ROUTE}/${r.id}` : null,
    })),
    stockLeft: row.stockLeft,
    stockTotal: row.stockTotal,
    credits: designCredits(version.state, product),
    seller: seller ?? null,
  };
}
