import sharp from "sharp";

/**
 * A print file: PNG, sRGB (its ICC profile embedded), the DPI in the `pHYs` chunk so that print
 * software reads the physical size. `rgba` is straight (not premultiplied) RGBA.
 */
export async function encodePrintPng(rgba: Uint8ClampedArray | Buffer, width: number, height: number, dpi: number): Promise<Buffer> {
  return sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width, height, channels: 4 }, limitInputPixels: false })
    .withMetadata({ density: dpi, icc: "srgb" })
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}

/** The DPI a PNG's `pHYs` chunk records (pixels per metre, unit 1), or null without one. */
export function pngDpi(png: Buffer): number | null {
  let at = 8;
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    if (type === "pHYs") {
      const perMetre = png.readUInt32BE(at + 8);
      // Pixels per metre are whole numbers (150 DPI is 5906), so the DPI they record is rounded back.
      return png[at + 16] === 1 ? Math.round(perMetre * 0.0254) : null;
    }
    if (type === "IDAT") return null;
    at += 12 + length;
  }
  return null;
}

/** A one-channel greyscale PNG (a screen-print film: 0 is ink) with the DPI in its `pHYs` chunk. */
export async function encodeGreyPng(grey: Uint8Array, width: number, height: number, dpi: number): Promise<Buffer> {
  return sharp(Buffer.from(grey.buffer, grey.byteOffset, grey.byteLength), { raw: { width, height, channels: 1 }, limitInputPixels: false })
    .toColourspace("b-w")
    // withDensity, not withMetadata: metadata brings an sRGB profile, which turns the PNG back into RGB.
    .withDensity(dpi)
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}
