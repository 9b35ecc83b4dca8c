/** The Canvas 2D context the art draws on: the browser's, or the server's (same API). */
export type Ctx = CanvasRenderingContext2D;

export type Rgb = { r: number; g: number; b: number };

export function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.replace("#", "").slice(0, 6).padEnd(6, "0"), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** `hex` moved towards black (t < 0) or white (t > 0). */
export function tone(hex: string, t: number): string {
  const { r, g, b } = parseHex(hex);
  const to = t < 0 ? 0 : 255;
  const k = Math.abs(t);
  const mix = (c: number) => Math.round(c + (to - c) * k);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/** 0 (black) to 1 (white), as the eye sees it. */
export function luminance(hex: string): number {
  const { r, g, b } = parseHex(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** A soft shadow on the floor under a product. */
export function floorShadow(ctx: Ctx, cx: number, cy: number, rx: number, ry: number, alpha = 0.22): void {
  const g = ctx.createRadialGradient(cx, cy, 0, cx, cy, rx);
  g.addColorStop(0, `rgba(0,0,0,${alpha})`);
  g.addColorStop(1, "rgba(0,0,0,0)");
  ctx.save();
  ctx.translate(cx, cy);
  ctx.scale(1, ry / rx);
  ctx.translate(-cx, -cy);
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.arc(cx, cy, rx, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}

/** The studio: a warm grey sweep, lighter above, as product shots are lit. */
export function studio(ctx: Ctx, background: string): void {
  const g = ctx.createLinearGradient(0, 0, 0, 1000);
  g.addColorStop(0, tone(background, 0.35));
  g.addColorStop(0.75, background);
  g.addColorStop(1, tone(background, -0.06));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 1000, 1000);
  const v = ctx.createRadialGradient(500, 420, 200, 500, 500, 760);
  v.addColorStop(0, "rgba(255,255,255,0.18)");
  v.addColorStop(1, "rgba(0,0,0,0.10)");
  ctx.fillStyle = v;
  ctx.fillRect(0, 0, 1000, 1000);
}

/** A gradient across x that darkens both edges of a body: the sides turn away from the light. */
export function sideShade(ctx: Ctx, x0: number, x1: number, edge = 0.22, centre = 0): CanvasGradient {
  const g = ctx.createLinearGradient(x0, 0, x1, 0);
  g.addColorStop(0, `rgba(0,0,0,${edge})`);
  g.addColorStop(0.18, `rgba(0,0,0,${edge * 0.25})`);
  g.addColorStop(0.42, `rgba(255,255,255,${centre})`);
  g.addColorStop(0.82, `rgba(0,0,0,${edge * 0.3})`);
  g.addColorStop(1, `rgba(0,0,0,${edge * 1.2})`);
  return g;
}

/**
 * Starts a new path from SVG path data with absolute M, L, C and Z commands (all the art uses):
 * the same outlines then draw on the browser's canvas and the server's, with no Path2D needed.
 */
export function trace(ctx: Ctx, d: string): Ctx {
  ctx.beginPath();
  const tokens = d.match(/[MLCZ]|-?\d+(?:\.\d+)?/g) ?? [];
  let i = 0;
  const num = () => Number(tokens[i++]);
  let command = "M";
  while (i < tokens.length) {
    if (/[MLCZ]/.test(tokens[i]!)) command = tokens[i++]!;
    if (command === "Z") {
      ctx.closePath();
      continue;
    }
    if (command === "M") {
      ctx.moveTo(num(), num());
      command = "L";
    } else if (command === "L") ctx.lineTo(num(), num());
    else ctx.bezierCurveTo(num(), num(), num(), num(), num(), num());
  }
  return ctx;
}

/** A dashed seam: thread lines read as "sewn" even at small sizes. */
export function seam(ctx: Ctx, d: string, color: string, width = 1.6): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash([6, 5]);
  trace(ctx, d).stroke();
  ctx.restore();
}
