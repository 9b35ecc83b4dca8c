import { MUG } from "./art/goods";
import type { Fold } from "./art/productArt";
import { printRect, SCENE, type MockupView } from "./scene";

/**
 * Per output pixel: where the print is sampled (`u`, `v` in 0–1; NaN where there is no print),
 * how much the light there is scaled (`shade`) and added (`gloss`, 0–255). Building it is the
 * costly part (folds, the cylinder), so it is built once per view, size and print aspect.
 */
export type WarpMap = { size: number; u: Float32Array; v: Float32Array; shade: Float32Array; gloss: Float32Array };

/** Cloth pushes the print this many scene units per unit of slope, and light falls from the top left. */
const DISPLACE = 150;
const LIGHT = { x: -0.45, y: -0.9, strength: 3.2 };
/** The mug's wrap is 9 in long round a cylinder about 3.3 in across: half of it faces the camera. */
const WRAP_IN = 9;
const MUG_RADIUS_IN = 1.65;

export function buildWarpMap(view: MockupView, folds: Fold[], size: number, aspect: number): WarpMap {
  const n = size * size;
  const map: WarpMap = { size, u: new Float32Array(n).fill(Number.NaN), v: new Float32Array(n).fill(Number.NaN), shade: new Float32Array(n).fill(1), gloss: new Float32Array(n) };
  const k = SCENE / size;
  const rect = printRect(view, aspect);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const i = py * size + px;
      const x = (px + 0.5) * k;
      const y = (py + 0.5) * k;
      if (view.warp === "cylinder") {
        cylinder(map, i, x, y, rect);
        continue;
      }
      let gx = 0;
      let gy = 0;
      for (const f of folds) {
        // Height h·exp(-(d/w)²) of the distance d to the fold's segment; its gradient in closed form.
        const dx = f.bx - f.ax;
        const dy = f.by - f.ay;
        const t = Math.max(0, Math.min(1, ((x - f.ax) * dx + (y - f.ay) * dy) / (dx * dx + dy * dy || 1)));
        const ox = x - (f.ax + t * dx);
        const oy = y - (f.ay + t * dy);
        const w2 = f.width * f.width;
        const g = f.height * Math.exp(-(ox * ox + oy * oy) / w2) * (-2 / w2);
        gx += g * ox;
        gy += g * oy;
      }
      const sx = x + DISPLACE * gx;
      const sy = y + DISPLACE * gy;
      const u = (sx - rect.x) / rect.width;
      const v = (sy - rect.y) / rect.height;
      if (u >= 0 && u < 1 && v >= 0 && v < 1) {
        map.u[i] = u;
        map.v[i] = v;
      }
      const lit = -(gx * LIGHT.x + gy * LIGHT.y) * LIGHT.strength;
      map.shade[i] = 1 + lit + grain(x, y);
      map.gloss[i] = Math.max(0, lit) * 22;
    }
  }
  return map;
}

/** A pixel on the mug: the angle round the cylinder decides the print column, the light and the glaze's highlight. */
function cylinder(map: WarpMap, i: number, x: number, y: number, band: { y: number; height: number }): void {
  const t = (x - MUG.cx) / MUG.r;
  if (t <= -1 || t >= 1) return;
  const theta = Math.asin(t);
  const cos = Math.cos(theta);
  // Rows of the print curve as the rim does: lower at the front, higher at the sides.
  const v = (y - MUG.ry * cos - (band.y - MUG.ry)) / band.height;
  const u = 0.5 + (theta * MUG_RADIUS_IN) / WRAP_IN;
  if (v >= 0 && v < 1) {
    map.u[i] = u;
    map.v[i] = v;
  }
  map.shade[i] = 0.5 + 0.55 * Math.max(0, Math.cos(theta + 0.38)) + 0.05 * (1 - Math.abs(t));
  const spec = Math.exp(-(((theta + 0.5) / 0.07) ** 2)) + 0.35 * Math.exp(-(((theta - 1.05) / 0.05) ** 2));
  map.gloss[i] = 120 * spec;
}

/** A faint weave, a few scene units across, so cloth does not read as plastic. */
function grain(x: number, y: number): number {
  const h = Math.sin(x * 1.7 + Math.sin(y * 0.9) * 2) * Math.sin(y * 1.9 + Math.sin(x * 0.7) * 2);
  return h * 0.018;
}
