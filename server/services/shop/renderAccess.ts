import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { listings, listingVersions, snapshotRenders } from "@/db/schema";
import { findServableSnapshotSeparation } from "../print/snapshotSeparations";

export type ServableRender = { key: string; kind: "mockup" | "print"; public: boolean; fileName: string };

/**
 * A finished render and who may fetch it: a mockup of a listing that is on sale is public (shop
 * pages, link previews, order pages); print files and mockups of unpublished listings are for
 * shop admins.
 */
export async function findServableRender(db: DbOrTx, id: string): Promise<ServableRender | null> {
  const [row] = await db
    .select({ key: snapshotRenders.objectKey, kind: snapshotRenders.kind, status: snapshotRenders.status, area: snapshotRenders.printAreaId, unpublishedAt: listings.unpublishedAt, slug: listings.slug })
    .from(snapshotRenders)
    .innerJoin(listingVersions, eq(listingVersions.id, snapshotRenders.versionId))
    .innerJoin(listings, eq(listings.id, listingVersions.listingId))
    .where(and(eq(snapshotRenders.id, id), eq(snapshotRenders.status, "succeeded")));
  if (!row?.key) return findServableSnapshotSeparation(db, id);
  return { key: row.key, kind: row.kind, public: row.kind === "mockup" && row.unpublishedAt === null, fileName: `${row.slug}-${row.area}-${id.slice(0, 8)}.${row.kind === "mockup" ? "webp" : "png"}` };
}

