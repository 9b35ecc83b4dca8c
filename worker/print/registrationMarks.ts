import { MM_PER_INCH } from "@/domain/catalog/catalog";

/** A registration mark: a crosshair in a circle, centred at (x, y); `arm` is half the crosshair's length. */
export type MarkLayout = { sites: { x: number; y: number }[]; radius: number; arm: number; line: number };

/**
 * Where the registration marks go on every separation of one print file: the corners and the
 * middles of the sides, each only where the art leaves room (`clear` says whether a box holds no
 * ink); when fewer than three such places are free, the four corners regardless, so a film can
 * always be aligned. Computed once from all inks together, so each separation has them in the
 * same place. Empty when the file is too small to hold a mark.
 */
export function layoutMarks(width: number, height: number, dpi: number, clear: (x0: number, y0: number, x1: number, y1: number) => boolean): MarkLayout {
  const radius = Math.max(4, Math.round((3 / MM_PER_INCH) * dpi));
  const arm = Math.round(radius * 1.5);
  const line = 2 * Math.floor(((0.25 / MM_PER_INCH) * dpi) / 2) + 1;
  const inset = arm + 2;
  if (width < 4 * inset || height < 4 * inset) return { sites: [], radius, arm, line };
  const [left, top, right, bottom] = [inset, inset, width - 1 - inset, height - 1 - inset];
  const midX = Math.round(width / 2);
  const midY = Math.round(height / 2);
  const corners = [
    { x: left, y: top },
    { x: right, y: top },
    { x: left, y: bottom },
    { x: right, y: bottom },
  ];
  const sides = [
    { x: midX, y: top },
    { x: midX, y: bottom },
    { x: left, y: midY },
    { x: right, y: midY },
  ];
  const free = [...corners, ...sides].filter((s) => clear(s.x - arm, s.y - arm, s.x + arm, s.y + arm));
  return { sites: free.length >= 3 ? free : corners, radius, arm, line };
}

/** Draws the marks in black (0) onto a greyscale plane. */
export function drawMarks(grey: Uint8Array, width: number, layout: MarkLayout): void {
  const half = (layout.line - 1) / 2;
  for (const { x: cx, y: cy } of layout.sites) {
    for (let dy = -layout.arm; dy <= layout.arm; dy++) {
      for (let dx = -layout.arm; dx <= layout.arm; dx++) {
        const onCross = (Math.abs(dx) <= half && Math.abs(dy) <= layout.arm) || (Math.abs(dy) <= half && Math.abs(dx) <= layout.arm);
        const onRing = Math.abs(Math.hypot(dx, dy) - layout.radius) <= half + 0.5;
        if (onCross || onRing) grey[(cy + dy) * width + cx + dx] = 0;
      }
    }
  }
}
