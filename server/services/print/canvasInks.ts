import { and, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assets } from "@/db/schema";
import { MAX_SCREEN_INKS, type DesignInks } from "@/domain/catalog/screenPrint";
import { assetsShown } from "@/domain/document/assetSource";
import type { Shape } from "@/domain/document/shape";
import type { Storage } from "../../storage/storage";
import type { CanvasAccess } from "../canvas/access";
import { areaInks } from "./designInks";
import { loadDesign } from "./designSource";

const SVG_TYPE = "image/svg+xml";

export type CanvasInks = { kind: "spot"; inks: string[]; maxInks: number } | { kind: "fullColor"; reason: "raster" | "blend" | "tooMany"; inks: null; maxInks: number } | { kind: "empty"; inks: []; maxInks: number };

/**
 * The inks the canvas's design prints with across all its print areas, for the Sell tab: spot
 * colours (screen-print ready, one film each), full colour, or nothing drawn yet.
 */
export async function canvasInks(db: DbOrTx, storage: Storage, access: CanvasAccess): Promise<CanvasInks> {
  const design = await loadDesign(db, access.canvas.id);
  if (!design) return { kind: "empty", inks: [], maxInks: MAX_SCREEN_INKS };
  // A raster picture decides it without reading any image's bytes.
  if (await showsRaster(db, access.canvas.id, design.product.printAreas.flatMap((a) => design.shapesOn(a)))) return { kind: "fullColor", reason: "raster", inks: null, maxInks: MAX_SCREEN_INKS };
  const all = new Set<string>();
  for (const area of design.product.printAreas) {
    const inks: DesignInks = await areaInks(storage, design, area);
    if (inks.kind === "fullColor") return { ...inks, maxInks: MAX_SCREEN_INKS };
    for (const ink of inks.inks) all.add(ink);
  }
  if (all.size > MAX_SCREEN_INKS) return { kind: "fullColor", reason: "tooMany", inks: null, maxInks: MAX_SCREEN_INKS };
  return all.size ? { kind: "spot", inks: [...all], maxInks: MAX_SCREEN_INKS } : { kind: "empty", inks: [], maxInks: MAX_SCREEN_INKS };
}

/** Whether a visible image shows one of the canvas's assets that is not a vector. */
async function showsRaster(db: DbOrTx, canvasId: string, shapes: Shape[]): Promise<boolean> {
  const ids = [...new Set(assetsShown(shapes).values())];
  if (!ids.length) return false;
  const [raster] = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.canvasId, canvasId), inArray(assets.id, ids), ne(assets.contentType, SVG_TYPE)))
    .limit(1);
  return raster !== undefined;
}
