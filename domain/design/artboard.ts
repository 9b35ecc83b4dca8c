import type { PrintArea } from "../catalog/catalog";

export type Box = { x: number; y: number; width: number; height: number };

/** A canvas with no product: the free square artboard every canvas had before goods. */
export const FREE_ARTBOARD: Box = { x: 0, y: 0, width: 1200, height: 1200 };

/** A print area's artboard has its exact aspect ratio, with the longer side this many world units. */
const LONG_SIDE = 1200;

/** The artboard of a print area, in world units at the origin. */
export function artboardOf(area: Pick<PrintArea, "widthMm" | "heightMm">): Box {
  const k = LONG_SIDE / Math.max(area.widthMm, area.heightMm);
  return { x: 0, y: 0, width: area.widthMm * k, height: area.heightMm * k };
}

/** World units per millimetre on a print area's artboard. */
export function unitsPerMm(area: Pick<PrintArea, "widthMm" | "heightMm">): number {
  return LONG_SIDE / Math.max(area.widthMm, area.heightMm);
}

/** The trim line (inside the bleed) and the safe zone (inside the safe margin), in world units. */
export function guidesOf(area: PrintArea): { trim: Box; safe: Box } {
  const board = artboardOf(area);
  const k = unitsPerMm(area);
  const inset = (b: Box, d: number): Box => ({ x: b.x + d, y: b.y + d, width: Math.max(0, b.width - 2 * d), height: Math.max(0, b.height - 2 * d) });
  const trim = inset(board, area.bleedMm * k);
  return { trim, safe: inset(trim, area.safeMarginMm * k) };
}

/**
 * Which print area a shape is on. Shapes carry the id of theirs; one without (drawn before the
 * canvas had a product) or with an area the product lacks sits on the first.
 */
export function areaOfShape(shape: { area?: string }, areas: readonly { id: string }[]): string | null {
  if (!areas.length) return null;
  return shape.area && areas.some((a) => a.id === shape.area) ? shape.area : areas[0]!.id;
}

/**
 * An image's effective resolution where it is printed: source pixels ÷ printed inches, on the
 * smaller of the two axes.
 */
export function effectiveDpi(sourcePx: { width: number; height: number }, worldSize: { width: number; height: number }, area: Pick<PrintArea, "widthMm" | "heightMm">): number {
  const k = unitsPerMm(area);
  const inches = (units: number) => Math.abs(units) / k / 25.4;
  return Math.min(sourcePx.width / Math.max(inches(worldSize.width), 1e-6), sourcePx.height / Math.max(inches(worldSize.height), 1e-6));
}
