import type { DbOrTx } from "@/db/client";
import { MAX_SCREEN_INKS, type DesignInks } from "@/domain/catalog/screenPrint";
import type { Storage } from "../../storage/storage";
import type { CanvasAccess } from "../canvas/access";
import { areaInks } from "./designInks";
import { loadDesign } from "./designSource";

export type CanvasInks = { kind: "spot"; inks: string[]; maxInks: number } | { kind: "fullColor"; reason: "raster" | "blend" | "tooMany"; inks: null; maxInks: number } | { kind: "empty"; inks: []; maxInks: number };

/**
 * The inks the canvas's design prints with across all its print areas, for the Sell tab: spot
 * colours (screen-print ready, one film each), full colour, or nothing drawn yet.
 */
export async function canvasInks(db: DbOrTx, storage: Storage, access: CanvasAccess): Promise<CanvasInks> {
  const design = await loadDesign(db, access.canvas.id);
  if (!design) return { kind: "empty", inks: [], maxInks: MAX_SCREEN_INKS };
  const all = new Set<string>();
  for (const area of design.product.printAreas) {
    const inks: DesignInks = await areaInks(storage, design, area);
    if (inks.kind === "fullColor") return { ...inks, maxInks: MAX_SCREEN_INKS };
    for (const ink of inks.inks) all.add(ink);
  }
  if (all.size > MAX_SCREEN_INKS) return { kind: "fullColor", reason: "tooMany", inks: null, maxInks: MAX_SCREEN_INKS };
  return all.size ? { kind: "spot", inks: [...all], maxInks: MAX_SCREEN_INKS } : { kind: "empty", inks: [], maxInks: MAX_SCREEN_INKS };
}
