import { Resvg } from "@resvg/resvg-js";

/** A side larger than this is refused: a 600 mm area at 600 DPI is about 14,200 px. */
export const MAX_RASTER_SIDE = 16384;

export type RgbaImage = { data: Buffer; width: number; height: number };

const ROOT_TAG = /<svg\b(?:[^>"']|"[^"]*"|'[^']*')*>/;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);
}

function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`, "g"), "");
}

/** A plain length in px ("1024", "1024px"); percentages and other units give undefined. */
function pixels(value: string | undefined): number | undefined {
  const m = value && /^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/**
 * The SVG with its root sized width × height and a viewBox, so that resvg draws the whole art fitted
 * into exactly that many pixels (centred, aspect kept, as a browser draws it). Without a viewBox the
 * root's own width and height become one, or resvg's reading of its size when those are not px.
 */
function sizedTo(svg: string, width: number, height: number): string {
  const match = ROOT_TAG.exec(svg);
  if (!match) throw new Error("Not an SVG document: it has no <svg> element.");
  const tag = match[0];
  let viewBox = attribute(tag, "viewBox");
  if (!viewBox) {
    let w = pixels(attribute(tag, "width"));
    let h = pixels(attribute(tag, "height"));
    if (!w || !h) {
      const parsed = new Resvg(svg, { font: { loadSystemFonts: false } });
      [w, h] = [parsed.width, parsed.height];
    }
    viewBox = `0 0 ${w} ${h}`;
  }
  const selfClosing = tag.endsWith("/>");
  const bare = ["width", "height", "viewBox"].reduce(withoutAttribute, tag.slice(0, selfClosing ? -2 : -1));
  const root = `${bare} width="${width}" height="${height}" viewBox="${viewBox}"${selfClosing ? "/>" : ">"}`;
  return svg.slice(0, match.index) + root + svg.slice(match.index + tag.length);
}

function checkSize(width: number, height: number): void {
  for (const side of [width, height]) {
    if (!Number.isInteger(side) || side < 1 || side > MAX_RASTER_SIDE) {
      throw new RangeError(`An SVG is rasterised at 1 to ${MAX_RASTER_SIDE} whole pixels a side, not ${width} × ${height}.`);
    }
  }
}

function render(svg: string | Buffer, width: number, height: number) {
  checkSize(width, height);
  const text = typeof svg === "string" ? svg : svg.toString("utf8");
  // No system fonts and no resource folder: the art draws the same on every machine, and an href to
  // a file or a URL draws nothing (resvg-js loads only data: images itself).
  const image = new Resvg(sizedTo(text, width, height), { font: { loadSystemFonts: false }, fitTo: { mode: "original" }, logLevel: "off" }).render();
  if (image.width !== width || image.height !== height) {
    throw new Error(`resvg drew ${image.width} × ${image.height} where ${width} × ${height} was asked.`);
  }
  return image;
}

/** The SVG drawn into exactly width × height pixels as an RGBA PNG, transparent where nothing is drawn. */
export function rasterizeSvg(svg: string | Buffer, width: number, height: number): Buffer {
  return render(svg, width, height).asPng();
}

/** The same drawing as straight (not premultiplied) RGBA bytes, 4 per pixel, row by row. */
export function rasterizeSvgRgba(svg: string | Buffer, width: number, height: number): RgbaImage {
  const data = Buffer.from(render(svg, width, height).pixels);
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]!;
    if (a === 0 || a === 255) continue;
    for (let c = 0; c < 3; c++) data[i + c] = Math.min(255, Math.round((data[i + c]! * 255) / a));
  }
  return { data, width, height };
}
