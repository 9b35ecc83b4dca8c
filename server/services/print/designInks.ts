import type { PrintArea } from "@/domain/catalog/catalog";
import { MAX_SCREEN_INKS, type DesignInks } from "@/domain/catalog/screenPrint";
import type { Shape } from "@/domain/document/shape";
import { sanitizeSvg, SvgRefusedError } from "@/domain/svg/sanitizeSvg";
import { normaliseColor } from "@/domain/svg/svgColor";
import type { Storage } from "../../storage/storage";
import type { Design } from "./designSource";

/** A paint that draws nothing. */
const NO_PAINT = new Set(["", "none", "transparent"]);

/** Stored vector images are sanitised SVG text; anything else a design shows is a raster. */
export function isSvgBytes(bytes: Buffer): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(bytes.subarray(0, 4096).toString("utf8"));
}

/** The paints a shape draws with, other than its picture: "#rrggbb" each, or null for one that is not a solid colour. */
function shapePaints(s: Shape): (string | null)[] {
  const stroke = s.strokeWidth > 0 ? [s.stroke] : [];
  const raw = s.type === "line" || s.type === "draw" || s.type === "arrow" ? stroke : s.type === "image" ? stroke : [s.fill, ...stroke];
  return raw.filter((p) => !NO_PAINT.has(p.trim().toLowerCase())).map((p) => normaliseColor(p));
}

/**
 * The spot inks of what these shapes draw: solid fills and strokes of shapes and text, and the
 * solid colours of vector images. A raster image, a gradient or partial opacity (a blend a screen
 * cannot lay down) makes the design full colour, as do more inks than `MAX_SCREEN_INKS`.
 */
export function inksOfShapes(shapes: Shape[], images: ReadonlyMap<string, Buffer>): DesignInks {
  const inks = new Set<string>();
  for (const s of shapes) {
    if (s.hidden) continue;
    if (s.opacity < 1) return { kind: "fullColor", reason: "blend", inks: null };
    for (const paint of shapePaints(s)) {
      if (!paint) return { kind: "fullColor", reason: "blend", inks: null };
      inks.add(paint);
    }
    if (s.type !== "image") continue;
    const bytes = s.src ? images.get(s.src) : undefined;
    if (!bytes) continue;
    if (!isSvgBytes(bytes)) return { kind: "fullColor", reason: "raster", inks: null };
    let svgInks: string[] | null;
    try {
      svgInks = sanitizeSvg(bytes.toString("utf8")).inks;
    } catch (e) {
      if (e instanceof SvgRefusedError) return { kind: "fullColor", reason: "raster", inks: null };
      throw e;
    }
    if (!svgInks) return { kind: "fullColor", reason: "blend", inks: null };
    for (const ink of svgInks) inks.add(ink);
  }
  if (inks.size > MAX_SCREEN_INKS) return { kind: "fullColor", reason: "tooMany", inks: null };
  return { kind: "spot", inks: [...inks] };
}

/** The inks of one print area of a design, its pictures read from storage. */
export async function areaInks(storage: Storage, design: Design, area: PrintArea): Promise<DesignInks> {
  const shapes = design.shapesOn(area);
  return inksOfShapes(shapes, await design.loadImages(storage, shapes));
}
