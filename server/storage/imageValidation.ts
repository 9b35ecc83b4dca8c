import { Resvg } from "@resvg/resvg-js";
import sharp, { type Metadata } from "sharp";
import { sanitizeSvg, SvgRefusedError } from "@/domain/svg/sanitizeSvg";
import { AppError } from "../errors";

export const IMAGE_CONTENT_TYPES = ["image/png", "image/jpeg", "image/webp", "image/svg+xml"] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

export const MAX_IMAGE_PIXELS = 40_000_000;
export const THUMB_MAX_SIDE = 512;

export type NormalisedImage = {
  buffer: Buffer;
  ext: "png" | "jpg" | "webp" | "svg";
  contentType: ImageContentType;
  width: number;
  height: number;
  /** A WebP no larger than THUMB_MAX_SIDE on either side. */
  thumb: Buffer;
};

type Format = "png" | "jpeg" | "webp" | "svg";

const OUTPUT: Record<Format, { ext: NormalisedImage["ext"]; contentType: ImageContentType }> = {
  png: { ext: "png", contentType: "image/png" },
  jpeg: { ext: "jpg", contentType: "image/jpeg" },
  webp: { ext: "webp", contentType: "image/webp" },
  svg: { ext: "svg", contentType: "image/svg+xml" },
};

const notAnImage = () => new AppError("BAD_REQUEST", "asset.notAnImage", "This file is not a PNG, JPEG, WebP or SVG image.");
const tooLarge = () =>
  new AppError("BAD_REQUEST", "asset.tooManyPixels", `This image is too large (over ${MAX_IMAGE_PIXELS / 1_000_000} megapixels).`);
const damaged = () => new AppError("BAD_REQUEST", "asset.damaged", "This image is damaged or incomplete and cannot be read.");

/**
 * The format the file's first bytes announce. Checked before sharp sees the file so that none of
 * libvips's other loaders (SVG, GIF, TIFF, HEIF…) ever parse an upload.
 */
export function sniffFormat(buf: Uint8Array): Format | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  if (/^(\uFEFF)?\s*<(\?xml|svg[\s>]|!--|!DOCTYPE svg)/.test(Buffer.from(buf.subarray(0, 256)).toString("utf8"))) return "svg";
  return null;
}

const decodeOptions = { limitInputPixels: MAX_IMAGE_PIXELS, pages: 1, failOn: "error" } as const;

/**
 * Checks that `input` is a PNG, JPEG or WebP of at most MAX_IMAGE_PIXELS, then re-encodes it in
 * the same format, upright and without metadata (EXIF, GPS, XMP, comments), plus a thumbnail.
 * Only the first frame of an animated WebP is kept. Throws AppError for anything else.
 */
export async function normaliseImage(input: Buffer): Promise<NormalisedImage> {
  const format = sniffFormat(input);
  if (!format) throw notAnImage();
  if (format === "svg") return normaliseSvg(input);

  // Header only, so no pixel limit yet: the explicit check below gives the clearer message.
  let meta: Metadata;
  try {
    meta = await sharp(input, { ...decodeOptions, limitInputPixels: false }).metadata();
  } catch {
    throw damaged();
  }
  if (meta.format !== format) throw notAnImage();
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw tooLarge();

  try {
    const image = sharp(input, decodeOptions).rotate();
    const encoded =
      format === "png" ? image.png() : format === "jpeg" ? image.jpeg({ quality: 90 }) : image.webp({ quality: 90 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumb = await sharp(input, decodeOptions)
      .rotate()
      .resize(THUMB_MAX_SIDE, THUMB_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { buffer: data, ...OUTPUT[format], width: info.width, height: info.height, thumb };
  } catch (e) {
    if (e instanceof Error && /pixel limit/i.test(e.message)) throw tooLarge();
    throw damaged();
  }
}

/**
 * An SVG reduced by the sanitiser to drawing only, stored as that text; its thumbnail is drawn by
 * resvg (libvips's SVG loader never sees an upload). Its size is its intrinsic one.
 */
async function normaliseSvg(input: Buffer): Promise<NormalisedImage> {
  let clean;
  try {
    clean = sanitizeSvg(new TextDecoder("utf-8", { fatal: true }).decode(input));
  } catch (e) {
    if (e instanceof SvgRefusedError) throw new AppError("BAD_REQUEST", "asset.svgRefused", e.message);
    if (e instanceof TypeError) throw notAnImage();
    throw e;
  }
  const fit = clean.width >= clean.height ? ({ mode: "width", value: THUMB_MAX_SIDE } as const) : ({ mode: "height", value: THUMB_MAX_SIDE } as const);
  const png = new Resvg(clean.svg, { font: { loadSystemFonts: false }, fitTo: fit, logLevel: "off" }).render().asPng();
  const thumb = await sharp(png).webp({ quality: 80 }).toBuffer();
  return { buffer: Buffer.from(clean.svg, "utf8"), ...OUTPUT.svg, width: Math.round(clean.width), height: Math.round(clean.height), thumb };
}
