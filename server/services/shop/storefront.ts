import { and, desc, eq, inArray, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { listings, listingVersions, snapshotRenders, users } from "@/db/schema";
import { listProducts } from "../catalog/catalogService";
import { LISTING_RENDER_ROUTE } from "./listingView";
import { inCatalogOrder } from "./renderOrder";

export const storefrontItem = z.object({
  slug: z.string(),
  title: z.string(),
  price: z.number().int(),
  currency: z.string(),
  productId: z.string(),
  productName: z.string(),
  imageUrl: z.string().nullable(),
  seller: z.object({ id: z.string(), name: z.string() }).nullable(),
  publishedAt: z.date(),
});
export type StorefrontItem = z.infer<typeof storefrontItem>;

/** How many products one storefront page shows. */
export const STOREFRONT_PAGE = 48;

/**
 * The products on sale, newest first: the whole shop, or one seller's (their shop page). Each with
 * its first mockup as the picture (the colour the design was made on, else the catalog's first; front first).
 */
export async function listStorefront(db: DbOrTx, filter: { sellerId?: string; before?: Date } = {}): Promise<StorefrontItem[]> {
  const where = [
    isNull(listings.unpublishedAt),
    isNotNull(listings.currentVersionId),
    filter.sellerId ? eq(listings.ownerId, filter.sellerId) : undefined,
    filter.before ? lt(listings.updatedAt, filter.before) : undefined,
  ].filter((w): w is SQL => !!w);
  const rows = await db
    .select({ listing: listings, sellerName: users.name, featuredColor: listingVersions.featuredColor })
    .from(listings)
    .leftJoin(users, eq(users.id, listings.ownerId))
    .leftJoin(listingVersions, eq(listingVersions.id, listings.currentVersionId))
    .where(and(...where))
    .orderBy(desc(listings.updatedAt), desc(listings.id))
    .limit(STOREFRONT_PAGE);
  if (!rows.length) return [];
  const [products, mockups] = await Promise.all([
    listProducts(db),
    db
      .select()
      .from(snapshotRenders)
      .where(and(eq(snapshotRenders.kind, "mockup"), eq(snapshotRenders.status, "succeeded"), inArray(snapshotRenders.versionId, rows.map((r) => r.listing.currentVersionId!)))),
  ]);
  return rows.map(({ listing, sellerName, featuredColor }) => {
    const product = products.find((p) => p.id === listing.productId);
    const own = mockups.filter((m) => m.versionId === listing.currentVersionId);
    const first = inCatalogOrder(product, own, featuredColor)[0];
    return {
      slug: listing.slug,
      title: listing.title,
      price: listing.price,
      currency: listing.currency,
      productId: listing.productId,
      productName: product?.name ?? listing.productId,
      imageUrl: first ? `${LISTING_RENDER_ROUTE}/${first.id}` : null,
      seller: listing.ownerId && sellerName !== null ? { id: listing.ownerId, name: sellerName } : null,
      publishedAt: listing.updatedAt,
    };
  });
}

/** A seller's name, when they have anything on sale (a shop page of nobody is a 404). */
export async function sellerWithShop(db: DbOrTx, sellerId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(listings, eq(listings.ownerId, users.id))
    .where(and(eq(users.id, sellerId), isNull(listings.unpublishedAt), isNotNull(listings.currentVersionId)))
    .limit(1);
  return row ?? null;
}
