import { encodeGreyPng } from "./encodePrint";
import { drawInkLabel } from "./inkLabel";
import { drawMarks, layoutMarks } from "./registrationMarks";
import { separateInks } from "./separateInks";

export type Separation = { ink: string; body: Buffer; coverage: number };

/**
 * The screen-print films of a composite (straight RGBA, transparent where nothing prints): one
 * greyscale PNG per ink at the composite's pixels and DPI, the ink black on white, with the same
 * registration marks on each. Inks that cover nothing get no film; the rest come largest first.
 */
export async function separationPngs(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, dpi: number, inks: readonly string[]): Promise<Separation[]> {
  const planes = separateInks(rgba, width, height, inks);
  const clear = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) {
      for (let x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) if (rgba[(y * width + x) * 4 + 3]) return false;
    }
    return true;
  };
  const layout = layoutMarks(width, height, dpi, clear);
  const used = planes
    .map((plane, i) => ({ ink: inks[i]!, plane, coverage: plane.reduce((n, a) => n + a, 0) / 255 }))
    .filter((p) => p.coverage > 0)
    .sort((a, b) => b.coverage - a.coverage);
  const out: Separation[] = [];
  for (const { ink, plane, coverage } of used) {
    // The film in place of the coverage: ink is black (0), bare film white (255).
    for (let p = 0; p < plane.length; p++) plane[p] = 255 - plane[p]!;
    drawMarks(plane, width, layout);
    drawInkLabel(plane, width, height, dpi, layout, ink, clear);
    out.push({ ink, body: await encodeGreyPng(plane, width, height, dpi), coverage });
  }
  return out;
}
