import { and, desc, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { listings } from "@/db/schema";
import { productPath } from "@/domain/shop/productPath";

/** A sitemap holds at most this many addresses (the protocol's limit). */
const MAX_URLS = 50_000;

/** The shop's public pages, each with when it last changed: the shop, every seller's page and every product on sale. */
export async function shopSitemap(db: DbOrTx): Promise<{ path: string; lastModified: Date }[]> {
  const rows = await db
    .select({ slug: listings.slug, ownerId: listings.ownerId, updatedAt: listings.updatedAt })
    .from(listings)
    .where(and(isNull(listings.unpublishedAt), isNotNull(listings.currentVersionId)))
    .orderBy(desc(listings.updatedAt))
    .limit(MAX_URLS - 1000);
  const sellers = new Map<string, Date>();
  for (const r of rows) if (r.ownerId && !sellers.has(r.ownerId)) sellers.set(r.ownerId, r.updatedAt);
  const newest = rows[0]?.updatedAt ?? new Date(0);
  return [
    { path: "/shop", lastModified: newest },
    ...[...sellers].slice(0, 999).map(([id, lastModified]) => ({ path: `/shop/${id}`, lastModified })),
    ...rows.map((r) => ({ path: productPath(r.slug), lastModified: r.updatedAt })),
  ];
}
