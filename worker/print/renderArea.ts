import type { Canvas } from "@napi-rs/canvas";
import type { PrintArea } from "@/domain/catalog/catalog";
import { artboardOf } from "@/domain/design/artboard";
import type { Design } from "@/server/services/print/designSource";
import type { Storage } from "@/server/storage/storage";
import { drawableImages } from "./drawableImages";
import { renderDesign } from "./renderDesign";

/** One print area of a stored design drawn at `width` × `height`, its images read from S3. */
export async function renderArea(storage: Storage, design: Design, area: PrintArea, size: { width: number; height: number; background: string | null }): Promise<Canvas> {
  const shapes = design.shapesOn(area);
  const sources = await design.loadImages(storage, shapes);
  const images = await drawableImages(sources, shapes, size.width / artboardOf(area).width);
  return renderDesign({ shapes, artboard: artboardOf(area), images, ...size });
}
