import { loadImage, type Canvas } from "@napi-rs/canvas";
import type { Db } from "@/db/client";
import type { PrintArea } from "@/domain/catalog/catalog";
import { artboardOf } from "@/domain/design/artboard";
import { loadDesignImages, type Design } from "@/server/services/print/designSource";
import type { Storage } from "@/server/storage/storage";
import { renderDesign } from "./renderDesign";

/** One print area of a stored design drawn at `width` × `height`, its images read from S3. */
export async function renderArea(db: Db, storage: Storage, design: Design, area: PrintArea, size: { width: number; height: number; background: string | null }): Promise<Canvas> {
  const shapes = design.shapesOn(area);
  const sources = await loadDesignImages(db, storage, design.canvasId, shapes);
  const images = new Map(await Promise.all([...sources].map(async ([src, bytes]) => [src, await loadImage(bytes)] as const)));
  return renderDesign({ shapes, artboard: artboardOf(area), images, ...size });
}
