import { normaliseColor, normalisePaint } from "./svgColor";
import { XmlSyntaxError, xmlTokens } from "./xmlTokens";

/** What survives sanitising: drawing only, safe to serve, store and rasterise. */
export type SanitizedSvg = {
  svg: string;
  /** The intrinsic size in px (the root's width and height, else its viewBox's). */
  width: number;
  height: number;
  /** The distinct solid colours it paints, "#rrggbb"; null when it uses gradients or partial opacity (no spot separation). */
  inks: string[] | null;
  /** Elements that draw (paths and basic shapes). */
  paths: number;
};

export class SvgRefusedError extends Error {}

export const SVG_LIMITS = { bytes: 2 * 1024 * 1024, elements: 50_000, depth: 64, side: 16_384 } as const;

const DRAWN = new Set(["path", "circle", "ellipse", "rect", "line", "polyline", "polygon"]);
/** Kept elements; anything else (script, style, image, text, foreignObject, animation…) is dropped with its content. */
const KEPT = new Set([...DRAWN, "svg", "g", "switch", "defs", "symbol", "use", "linearGradient", "radialGradient", "stop", "clipPath", "mask"]);
/** Content of these is referenced, not drawn where it stands. */
const REFERENCED = new Set(["defs", "symbol", "clipPath", "mask", "linearGradient", "radialGradient"]);

const PAINT = new Set(["fill", "stroke"]);
const COLOR = new Set(["stop-color"]);
const REFERENCE = new Set(["clip-path", "mask"]);
const OPACITY = new Set(["opacity", "fill-opacity", "stroke-opacity", "stop-opacity"]);
const KEYWORDS: Record<string, RegExp> = {
  "fill-rule": /^(nonzero|evenodd)$/,
  "clip-rule": /^(nonzero|evenodd)$/,
  "stroke-linecap": /^(butt|round|square)$/,
  "stroke-linejoin": /^(miter|round|bevel|arcs|miter-clip)$/,
  gradientUnits: /^(userSpaceOnUse|objectBoundingBox)$/,
  clipPathUnits: /^(userSpaceOnUse|objectBoundingBox)$/,
  maskUnits: /^(userSpaceOnUse|objectBoundingBox)$/,
  maskContentUnits: /^(userSpaceOnUse|objectBoundingBox)$/,
  spreadMethod: /^(pad|reflect|repeat)$/,
  display: /^(inline|block|none)$/,
  visibility: /^(visible|hidden|collapse)$/,
  preserveAspectRatio: /^(none|x(Min|Mid|Max)Y(Min|Mid|Max))( (meet|slice))?$/,
};
/** Numbers, lists of numbers, path data and transforms: letters, digits and punctuation, never a URL or markup. */
const GEOMETRY = new Set([
  "d", "points", "transform", "gradientTransform", "viewBox",
  "x", "y", "width", "height", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "x1", "y1", "x2", "y2", "offset",
  "stroke-width", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
]);
const GEOMETRY_VALUE = /^[\w\s.,+%()-]*$/;
const ID = /^[\w.:-]{1,128}$/;
/** The longest side given to an SVG sized only by its viewBox. */
const VIEWBOX_SIDE = 4096;

type Paint = { fill: string; stroke: string };

/**
 * An SVG reduced to what draws: shapes, groups, gradients, clips and local references, with
 * presentation attributes checked one by one (style attributes are read into them). Scripts,
 * styles, event handlers, external references, embedded images and text are dropped; anything
 * malformed, too large or too deep is refused with a reason.
 */
export function sanitizeSvg(text: string): SanitizedSvg {
  if (text.length > SVG_LIMITS.bytes || new TextEncoder().encode(text).length > SVG_LIMITS.bytes) throw new SvgRefusedError(`This SVG is larger than ${SVG_LIMITS.bytes / 1024 / 1024} MB.`);
  const out: string[] = [];
  const stack: { name: string; kept: boolean; paint: Paint; referenced: boolean }[] = [];
  const inks = new Set<string>();
  let spot = true;
  let paths = 0;
  let elements = 0;
  let usesReferences = false;
  let size: { width: number; height: number } | null = null;
  let closedRoot = false;
  try {
    for (const token of xmlTokens(text)) {
      if (closedRoot) throw new SvgRefusedError("This SVG has content after its root element.");
      if (token.kind === "close") {
        const top = stack.pop();
        if (!top || top.name !== token.name) throw new SvgRefusedError("This SVG's tags are not balanced.");
        if (top.kept) out.push(`</${top.name}>`);
        if (!stack.length) closedRoot = true;
        continue;
      }
      if (++elements > SVG_LIMITS.elements) throw new SvgRefusedError(`This SVG has more than ${SVG_LIMITS.elements} elements.`);
      if (stack.length >= SVG_LIMITS.depth) throw new SvgRefusedError(`This SVG nests deeper than ${SVG_LIMITS.depth} levels.`);
      const parent = stack.at(-1);
      if (!parent && token.name !== "svg") throw new SvgRefusedError("This file is not an SVG image.");
      const kept = KEPT.has(token.name) && (parent?.kept ?? true);
      const attrs = kept ? presentation(token.attrs) : new Map<string, string>();
      const paint: Paint = { fill: attrs.get("fill") ?? parent?.paint.fill ?? "#000000", stroke: attrs.get("stroke") ?? parent?.paint.stroke ?? "none" };
      const referenced = (parent?.referenced ?? false) || REFERENCED.has(token.name);
      if (!parent) {
        size = intrinsicSize(attrs);
        if (!attrs.has("viewBox")) attrs.set("viewBox", `0 0 ${size.width} ${size.height}`);
        attrs.set("width", String(size.width));
        attrs.set("height", String(size.height));
      }
      if (kept) {
        if (token.name === "use") usesReferences = true;
        for (const key of ["opacity", "fill-opacity", "stroke-opacity"]) if (Number(attrs.get(key) ?? 1) < 1) spot = false;
        if (DRAWN.has(token.name)) {
          paths++;
          if (!referenced || token.name === "use") {
            for (const p of [paint.fill, paint.stroke]) {
              if (p.startsWith("url(")) spot = false;
              else if (p !== "none") inks.add(p);
            }
          }
        }
        out.push(openTag(token.name, attrs, !parent, token.selfClosing));
      }
      if (!token.selfClosing) stack.push({ name: token.name, kept, paint, referenced });
      else if (!parent) closedRoot = true;
    }
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new SvgRefusedError(`This SVG cannot be read: ${e.message}.`);
    throw e;
  }
  if (!size || stack.length) throw new SvgRefusedError("This SVG is incomplete.");
  if (paths === 0) throw new SvgRefusedError("This SVG draws nothing.");
  // A <use> may draw referenced shapes whose colours were not counted where they stand.
  const spotInks = spot && !usesReferences ? [...inks].sort() : null;
  return { svg: out.join(""), ...size, inks: spotInks, paths };
}

function openTag(name: string, attrs: Map<string, string>, root: boolean, selfClosing: boolean): string {
  const ns = root ? ' xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"' : "";
  const list = [...attrs].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("");
  return `<${name}${ns}${list}${selfClosing ? "/>" : ">"}`;
}

function escapeAttr(v: string): string {
  return v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The attributes that survive, with `style` declarations read in as attributes (an attribute of the same name loses). */
function presentation(raw: Map<string, string>): Map<string, string> {
  const merged = new Map<string, string>();
  for (const [k, v] of raw) merged.set(k, v);
  const style = raw.get("style");
  if (style) {
    for (const decl of style.split(";")) {
      const colon = decl.indexOf(":");
      if (colon > 0) merged.set(decl.slice(0, colon).trim(), decl.slice(colon + 1).trim());
    }
  }
  const out = new Map<string, string>();
  for (const [key, value] of merged) {
    const kept = checkedAttr(key, value);
    if (kept) out.set(kept[0], kept[1]);
  }
  return out;
}

function checkedAttr(key: string, value: string): [string, string] | null {
  if (key === "id") return ID.test(value) ? [key, value] : null;
  if (key === "href" || key === "xlink:href") {
    const m = /^#([\w.:-]{1,128})$/.exec(value.trim());
    return m ? ["href", `#${m[1]}`] : null;
  }
  if (PAINT.has(key)) {
    const p = normalisePaint(value);
    return p ? [key, p] : null;
  }
  if (COLOR.has(key)) {
    const c = normaliseColor(value);
    return c ? [key, c] : null;
  }
  if (REFERENCE.has(key)) {
    const p = normalisePaint(value);
    return p?.startsWith("url(") ? [key, p] : null;
  }
  if (OPACITY.has(key)) {
    const n = Number(value);
    return Number.isFinite(n) ? [key, String(Math.max(0, Math.min(1, n)))] : null;
  }
  const keyword = KEYWORDS[key];
  if (keyword) return keyword.test(value.trim()) ? [key, value.trim()] : null;
  if (GEOMETRY.has(key)) return GEOMETRY_VALUE.test(value) && !/url/i.test(value) ? [key, value.trim()] : null;
  return null;
}

function intrinsicSize(attrs: Map<string, string>): { width: number; height: number } {
  const box = attrs.get("viewBox")?.split(/[\s,]+/).map(Number);
  const viewBox = box && box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0 ? { width: box[2]!, height: box[3]! } : null;
  if (attrs.has("viewBox") && !viewBox) attrs.delete("viewBox");
  const px = (v: string | undefined) => (v && /^\s*[\d.]+\s*(px)?\s*$/.test(v) ? Number.parseFloat(v) : NaN);
  let width = px(attrs.get("width"));
  let height = px(attrs.get("height"));
  if (!(width > 0) || !(height > 0)) {
    if (!viewBox) throw new SvgRefusedError("This SVG has no size (neither width and height nor a viewBox).");
    // A viewBox's units are the artist's, not pixels: a huge one is drawn at a workable size.
    const fit = Math.min(1, VIEWBOX_SIDE / Math.max(viewBox.width, viewBox.height));
    width = viewBox.width * fit;
    height = viewBox.height * fit;
  }
  width = Math.round(width * 100) / 100;
  height = Math.round(height * 100) / 100;
  if (width < 1 || height < 1 || width > SVG_LIMITS.side || height > SVG_LIMITS.side) {
    throw new SvgRefusedError(`This SVG's size (${width} × ${height}) is outside 1 to ${SVG_LIMITS.side} px.`);
  }
  return { width, height };
}
