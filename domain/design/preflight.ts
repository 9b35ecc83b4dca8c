import type { PrintArea, Product } from "../catalog/catalog";
import type { Shape } from "../document/shape";
import { areaOfShape, artboardOf, effectiveDpi, guidesOf, unitsPerMm, type Box } from "./artboard";
import { shapeBounds } from "./shapeBounds";

export type Issue =
  | { kind: "empty"; area: PrintArea }
  | { kind: "lowDpi"; area: PrintArea; shape: Shape; dpi: number; min: number }
  | { kind: "bundled"; area: PrintArea; shape: Shape; width: number; height: number }
  | { kind: "outside" | "bleed" | "safe"; area: PrintArea; shape: Shape }
  | { kind: "smallText"; area: PrintArea; shape: Shape; pt: number };

/** An image's source: its pixels, or for a vector its intrinsic size (it prints sharp at any size). */
export type ImageSize = { width: number; height: number; vector?: boolean };

/** The bundled model makes 64 × 64 images: at that size an image is a model preview, not artwork. */
export const BUNDLED_MODEL_SIZE = 64;
const MIN_TEXT_PT = 6;

/** The source pixels an image shape shows: its crop, or the whole image. */
export function sourcePixels(shape: Shape, size: ImageSize): ImageSize {
  return shape.crop ? { width: shape.crop.width, height: shape.crop.height } : size;
}

/** An image shape's effective DPI on its print area; null when its size is not known yet, or it is a vector (no DPI of its own). */
export function imageDpi(shape: Shape, area: PrintArea, size: ImageSize | undefined): number | null {
  return size && !size.vector ? Math.round(effectiveDpi(sourcePixels(shape, size), shape, area)) : null;
}

const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
const covers = (a: Box, b: Box) => inside(b, a);
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Everything on a product's print areas that would print badly, in the order a print shop would
 * check: empty areas, images below the product's DPI, content cut off or at risk near the edges,
 * text too small to read. `sizes` is the source of each image by `src`. The editor and the
 * server's publish compute the same list from the same document.
 */
export function preflight(product: Product, shapes: Shape[], sizes: ReadonlyMap<string, ImageSize>, bounds: (s: Shape) => Box = shapeBounds): Issue[] {
  const issues: Issue[] = [];
  for (const area of product.printAreas) {
    const board = artboardOf(area);
    const { trim, safe } = guidesOf(area);
    const on = shapes.filter((s) => !s.hidden && areaOfShape(s, product.printAreas) === area.id && overlaps(bounds(s), board));
    if (!on.length) issues.push({ kind: "empty", area });
    for (const shape of on) {
      const box = bounds(shape);
      if (shape.type === "image") {
        const size = shape.src ? sizes.get(shape.src) : undefined;
        if (size && !size.vector && Math.max(size.width, size.height) <= BUNDLED_MODEL_SIZE) issues.push({ kind: "bundled", area, shape, width: size.width, height: size.height });
        else {
          const dpi = imageDpi(shape, area, size);
          if (dpi !== null && dpi < product.minDpi) issues.push({ kind: "lowDpi", area, shape, dpi, min: product.minDpi });
        }
      }
      if (shape.type === "text" && shape.fontSize) {
        const pt = (shape.fontSize / unitsPerMm(area) / 25.4) * 72;
        if (pt < MIN_TEXT_PT) issues.push({ kind: "smallText", area, shape, pt: Math.round(pt * 10) / 10 });
      }
      // A background that covers the whole trim is meant to run into the bleed.
      if (covers(box, trim)) continue;
      if (!inside(box, board)) issues.push({ kind: "outside", area, shape });
      else if (area.bleedMm > 0 && !inside(box, trim)) issues.push({ kind: "bleed", area, shape });
      else if (!inside(box, safe)) issues.push({ kind: "safe", area, shape });
    }
  }
  return issues;
}

/**
 * What prints wrong rather than merely at risk: an image below the product's DPI (a bundled-model
 * preview is one) or content cut off at the area's edge. Publishing such a design needs the
 * owner's confirmation of each; an empty area simply is not printed.
 */
export const CONFIRM_KINDS = ["lowDpi", "bundled", "outside"] as const satisfies readonly Issue["kind"][];
export type ConfirmIssue = Extract<Issue, { kind: "lowDpi" | "bundled" }> | { kind: "outside"; area: PrintArea; shape: Shape };

export function needsConfirmation(issue: Issue): issue is ConfirmIssue {
  return (CONFIRM_KINDS as readonly string[]).includes(issue.kind);
}

/** A problem's stable name (kind, area, object), which the owner's confirmation repeats back. */
export function problemCode(issue: ConfirmIssue): string {
  return `${issue.kind}:${issue.area.id}:${issue.shape.id}`;
}

/** The problems that need confirming and are not among `confirmed` codes. */
export function unconfirmedProblems(issues: readonly Issue[], confirmed: readonly string[]): ConfirmIssue[] {
  const ok = new Set(confirmed);
  return issues.filter(needsConfirmation).filter((i) => !ok.has(problemCode(i)));
}
