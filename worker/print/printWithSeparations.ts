import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { printSeparations } from "@/db/schema";
import type { PrintArea } from "@/domain/catalog/catalog";
import { isScreenPrintable } from "@/domain/catalog/screenPrint";
import { areaInks } from "@/server/services/print/designInks";
import type { Design } from "@/server/services/print/designSource";
import { separationKey } from "@/server/storage/objectKeys";
import { writeObject, type Storage } from "@/server/storage/storage";
import { encodeComposite, renderPrintPixels, type PrintSize } from "./printPng";
import { separationPngs, type Separation } from "./separationPngs";

/** The print file a render is for: a canvas's (`printFileId`) or a published version's or order line's (`snapshotRenderId`), and its PNG's key. */
export type SeparationParent = { printFileId: string; key: string } | { snapshotRenderId: string; key: string };

/**
 * A print file's composite PNG, and, for a design of spot colours only, its screen-print
 * separations, stored beside it and recorded in place of any an earlier attempt left.
 */
export async function renderPrintWithSeparations(db: Db, storage: Storage, design: Design, area: PrintArea, size: PrintSize, parent: SeparationParent): Promise<Buffer> {
  const inks = await areaInks(storage, design, area);
  const pixels = await renderPrintPixels(storage, design, area, size);
  const separations = isScreenPrintable(inks) ? await separationPngs(pixels, size.width, size.height, size.dpi, inks.inks) : [];
  await storeSeparations(db, storage, parent, separations);
  return encodeComposite(pixels, design.product.kind, size);
}

async function storeSeparations(db: Db, storage: Storage, parent: SeparationParent, separations: Separation[]): Promise<void> {
  const keys = separations.map((s) => separationKey(parent.key, s.ink));
  for (const [i, s] of separations.entries()) await writeObject(storage, keys[i]!, s.body, "image/png");
  const [owner, ofParent] =
    "printFileId" in parent
      ? [{ printFileId: parent.printFileId }, eq(printSeparations.printFileId, parent.printFileId)]
      : [{ snapshotRenderId: parent.snapshotRenderId }, eq(printSeparations.snapshotRenderId, parent.snapshotRenderId)];
  await db.transaction(async (tx) => {
    await tx.delete(printSeparations).where(ofParent);
    if (separations.length) {
      await tx.insert(printSeparations).values(separations.map((s, position) => ({ ...owner, ink: s.ink, position, objectKey: keys[position]!, byteSize: s.body.length })));
    }
  });
}
