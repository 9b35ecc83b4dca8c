import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { listings, listingVersions, printSeparations, snapshotRenders } from "@/db/schema";
import type { ServableRender } from "../shop/renderAccess";

export type SeparationView = { id: string; ink: string; byteSize: number };

/** The screen-print separations of finished snapshot print files (published versions', order lines'), by render id, largest ink first. */
export async function separationsOfRenders(db: DbOrTx, renderIds: string[]): Promise<Map<string, SeparationView[]>> {
  const byRender = new Map<string, SeparationView[]>();
  if (!renderIds.length) return byRender;
  const rows = await db
    .select({ id: printSeparations.id, renderId: printSeparations.snapshotRenderId, ink: printSeparations.ink, byteSize: printSeparations.byteSize })
    .from(printSeparations)
    .innerJoin(snapshotRenders, eq(snapshotRenders.id, printSeparations.snapshotRenderId))
    .where(and(inArray(printSeparations.snapshotRenderId, renderIds), eq(snapshotRenders.status, "succeeded")))
    .orderBy(asc(printSeparations.position));
  for (const r of rows) byRender.set(r.renderId!, [...(byRender.get(r.renderId!) ?? []), { id: r.id, ink: r.ink, byteSize: r.byteSize }]);
  return byRender;
}

/** A separation of a finished snapshot print file, for the shop admins' download route. */
export async function findServableSnapshotSeparation(db: DbOrTx, id: string): Promise<ServableRender | null> {
  const [row] = await db
    .select({ key: printSeparations.objectKey, ink: printSeparations.ink, area: snapshotRenders.printAreaId, slug: listings.slug })
    .from(printSeparations)
    .innerJoin(snapshotRenders, eq(snapshotRenders.id, printSeparations.snapshotRenderId))
    .innerJoin(listingVersions, eq(listingVersions.id, snapshotRenders.versionId))
    .innerJoin(listings, eq(listings.id, listingVersions.listingId))
    .where(and(eq(printSeparations.id, id), eq(snapshotRenders.status, "succeeded")));
  return row ? { key: row.key, kind: "print", public: false, fileName: `${row.slug}-${row.area}-ink-${row.ink.slice(1)}-${id.slice(0, 8)}.png` } : null;
}
