/** vtracer's SVG read back as plain paths, and the plain art the product stores written out. */

export type TracedPath = { d: string; fill: string; evenOdd?: boolean };

const PATH = /<path\b[^>]*>/g;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function round(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/**
 * The path data moved by (dx, dy). vtracer writes only absolute M, L, C and Z commands, whose
 * arguments are all x,y pairs, so every second number is a y.
 */
function translated(d: string, dx: number, dy: number): string {
  let n = 0;
  return d.replace(NUMBER, (v) => round(Number(v) + (n++ % 2 === 0 ? dx : dy))).replace(/\s+/g, " ").trim();
}

/**
 * Each of vtracer's paths with its translate() folded into the coordinates and its fill lowercased,
 * in vtracer's order (back to front): no transform for a sanitiser or a renderer to trip over.
 */
export function pathsFromTrace(traced: string): TracedPath[] {
  const paths: TracedPath[] = [];
  for (const [tag] of traced.matchAll(PATH)) {
    const d = attr(tag, "d");
    const fill = attr(tag, "fill")?.toLowerCase();
    if (!d || !fill || !/^#[0-9a-f]{6}$/.test(fill)) continue;
    const move = /translate\(\s*([^,\s]+)[,\s]+([^)\s]+)\s*\)/.exec(attr(tag, "transform") ?? "");
    const [dx, dy] = move ? [Number(move[1]), Number(move[2])] : [0, 0];
    if (!Number.isFinite(dx) || !Number.isFinite(dy)) continue;
    paths.push({ d: translated(d, dx, dy), fill });
  }
  return paths;
}

/** The paths under one root with a viewBox of the traced size, and their colour and path counts. */
export function svgOfPaths(paths: TracedPath[], width: number, height: number): { svg: string; colors: number; paths: number } {
  const body = paths.map((p) => `<path d="${p.d}" fill="${p.fill}"${p.evenOdd ? ` fill-rule="evenodd"` : ""}/>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
  return { svg, colors: new Set(paths.map((p) => p.fill)).size, paths: paths.length };
}
