import { eq } from "drizzle-orm";
import * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { listingImages, listings, listingVersions } from "@/db/schema";
import { canvasDoc, orderedShapes } from "@/domain/document/canvasDoc";
import { readObject, type Storage } from "../../storage/storage";
import { listProducts } from "../catalog/catalogService";
import { loadElementImages, shapesOnArea, type Design } from "../print/designSource";

/** A published version's design: its frozen document, with images from the copies made at publish. */
export async function loadSnapshotDesign(db: DbOrTx, versionId: string): Promise<Design | null> {
  const [row] = await db
    .select({ state: listingVersions.state, variantIds: listingVersions.variantIds, productId: listings.productId })
    .from(listingVersions)
    .innerJoin(listings, eq(listings.id, listingVersions.listingId))
    .where(eq(listingVersions.id, versionId));
  if (!row) return null;
  const product = (await listProducts(db)).find((p) => p.id === row.productId);
  if (!product) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, row.state);
  const ordered = orderedShapes(canvasDoc(doc));
  const copies = await db.select().from(listingImages).where(eq(listingImages.versionId, versionId));
  return {
    product,
    variantId: row.variantIds[0]!,
    shapesOn: (area) => shapesOnArea(ordered, product, area),
    loadImages: async (storage: Storage, shapes) => {
      const wanted = new Set(shapes.flatMap((s) => (s.type === "image" && !s.hidden && s.src ? [s.src] : [])));
      const bytes = await loadElementImages(shapes);
      for (const copy of copies) {
        if (!wanted.has(copy.src)) continue;
        const read = await readObject(storage, copy.objectKey, 64 * 1024 * 1024);
        if (read.kind === "ok") bytes.set(copy.src, read.body);
      }
      // What was sold shows every picture: a render without one would print the wrong thing.
      const missing = [...wanted].filter((src) => !bytes.has(src));
      if (missing.length) throw new Error(`The published design's picture ${missing.join(", ")} is missing from storage; it cannot be rendered without it.`);
      return bytes;
    },
  };
}
