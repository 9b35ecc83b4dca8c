import { createCanvas } from "@napi-rs/canvas";
import { MM_PER_INCH } from "@/domain/catalog/catalog";
import { FALLBACK_FONT } from "@/domain/design/fonts";
import { konvaForNode } from "./konvaNode";
import type { MarkLayout } from "./registrationMarks";

/**
 * The ink's hex in small black type beside the first registration mark, so a film says which
 * screen it is for; left out where it would touch the art or fall off the file.
 */
export function drawInkLabel(grey: Uint8Array, width: number, height: number, dpi: number, layout: MarkLayout, ink: string, clear: (x0: number, y0: number, x1: number, y1: number) => boolean): void {
  const site = layout.sites[0];
  if (!site) return;
  konvaForNode();
  const size = Math.max(8, Math.round((2.5 / MM_PER_INCH) * dpi));
  const probe = createCanvas(1, 1).getContext("2d");
  probe.font = `${size}px "${FALLBACK_FONT.family}"`;
  const textWidth = Math.ceil(probe.measureText(ink).width) + 2;
  const boxHeight = Math.ceil(size * 1.3);
  const onRight = site.x < width / 2;
  const x0 = onRight ? site.x + layout.arm + 4 : site.x - layout.arm - 4 - textWidth;
  const y0 = Math.round(site.y - boxHeight / 2);
  if (x0 < 0 || y0 < 0 || x0 + textWidth > width || y0 + boxHeight > height || !clear(x0, y0, x0 + textWidth, y0 + boxHeight)) return;
  const canvas = createCanvas(textWidth, boxHeight);
  const ctx = canvas.getContext("2d");
  ctx.font = probe.font;
  ctx.fillStyle = "#000000";
  ctx.textBaseline = "middle";
  ctx.fillText(ink, 1, boxHeight / 2);
  const alpha = ctx.getImageData(0, 0, textWidth, boxHeight).data;
  for (let y = 0; y < boxHeight; y++) {
    for (let x = 0; x < textWidth; x++) {
      const a = alpha[(y * textWidth + x) * 4 + 3]!;
      const at = (y0 + y) * width + x0 + x;
      if (a) grey[at] = Math.min(grey[at]!, 255 - a);
    }
  }
}
