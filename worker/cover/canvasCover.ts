import type { Db } from "@/db/client";
import { recordCover } from "@/server/services/canvas/canvasCover";
import { loadDesign } from "@/server/services/print/designSource";
import { canvasCoverKey } from "@/server/storage/objectKeys";
import { writeObject, type Storage } from "@/server/storage/storage";
import { renderMockupWebp } from "../mockup/mockupImage";

/** Pixels across a cover: a dashboard card's width at twice the density of a laptop screen. */
export const COVER_SIZE = 480;

/**
 * Renders a canvas's cover: its product in the chosen colour, showing the first print area that
 * has something on it (the front of a tee with a design on its back shows the back). A free
 * artboard has no cover; its card keeps its colours.
 */
export async function renderCanvasCover(db: Db, storage: Storage, canvasId: string): Promise<void> {
  const design = await loadDesign(db, canvasId);
  if (!design) return recordCover(db, canvasId, null);
  const areas = design.product.printAreas;
  const area = areas.find((a) => design.shapesOn(a).length > 0) ?? areas[0];
  const variant = design.product.variants.find((v) => v.id === design.variantId);
  if (!area || !variant) return recordCover(db, canvasId, null);
  const webp = await renderMockupWebp(storage, design, area, variant.colorHex, COVER_SIZE);
  await writeObject(storage, canvasCoverKey(canvasId), webp, "image/webp");
  await recordCover(db, canvasId, new Date());
}
