import type { ModelOptions } from "@/domain/generationParams";

/** Square-ish sizes the model runs, every 64 px (or its native size only, for a fixed-size model). */
export function sizes(model: ModelOptions): string[] {
  const out = new Set([`${model.width}×${model.height}`]);
  const { min, max, step } = model.widths;
  const stride = Math.max(step, 64);
  for (let w = min; w <= max; w += stride) {
    const h = Math.round((w * model.height) / model.width / step) * step;
    if (h >= model.heights.min && h <= model.heights.max) out.add(`${w}×${h}`);
  }
  return [...out].sort((a, b) => parseInt(a) - parseInt(b));
}

/**
 * The size closest to a print area's shape that the model can make: the model's longer native
 * side along the area's longer side, the other side to match, on the model's step. Null when the
 * model cannot change its size.
 */
export function sizeForAspect(model: ModelOptions, aspect: number): string | null {
  const { widths, heights } = model;
  if (widths.min === widths.max && heights.min === heights.max) return null;
  const long = Math.max(model.width, model.height);
  const snap = (v: number, r: { min: number; max: number; step: number }) => Math.min(r.max, Math.max(r.min, Math.round(v / r.step) * r.step));
  const w = snap(aspect >= 1 ? long : long * aspect, widths);
  const h = snap(aspect >= 1 ? long / aspect : long, heights);
  return `${w}×${h}`;
}
