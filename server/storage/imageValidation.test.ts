import { randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { normaliseImage, sniffFormat, THUMB_MAX_SIDE } from "./imageValidation";

const secretExif = { IFD0: { Copyright: "secret-owner", ImageDescription: "taken at home" } };

function noisy(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } } });
}

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) {
      expect(e.code).toBe("BAD_REQUEST");
      return e.reason;
    }
    throw e;
  }
  throw new Error("expected the image to be refused");
}

/** A PNG whose header claims `width`×`height` but carries almost no data: the classic bomb. */
function pngDeclaring(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(64 * 1024))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("normaliseImage accepts", () => {
  it("a PNG, re-encoded as PNG without its EXIF", async () => {
    const input = await noisy(64, 40).png().withExif(secretExif).toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const out = await normaliseImage(input);
    expect(out).toMatchObject({ ext: "png", contentType: "image/png", width: 64, height: 40 });
    const meta = await sharp(out.buffer).metadata();
    expect(meta.format).toBe("png");
    expect(meta.exif).toBeUndefined();
    expect(out.buffer.includes("secret-owner")).toBe(false);
  });

  it("a JPEG, turned upright by its EXIF orientation and stripped of EXIF", async () => {
    const input = await noisy(300, 200).jpeg().withExif(secretExif).withMetadata({ orientation: 6 }).toBuffer();
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif).toBeDefined();
    const out = await normaliseImage(input);
    expect(out).toMatchObject({ ext: "jpg", contentType: "image/jpeg", width: 200, height: 300 });
    const meta = await sharp(out.buffer).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 200, height: 300 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(out.buffer.includes("secret-owner")).toBe(false);
  });

  it("a WebP, with a thumbnail at most 512px on its longer side", async () => {
    const input = await noisy(1200, 600).webp().withExif(secretExif).toBuffer();
    const out = await normaliseImage(input);
    expect(out).toMatchObject({ ext: "webp", contentType: "image/webp", width: 1200, height: 600 });
    expect((await sharp(out.buffer).metadata()).exif).toBeUndefined();
    const thumb = await sharp(out.thumb).metadata();
    expect(thumb).toMatchObject({ format: "webp", width: THUMB_MAX_SIDE, height: THUMB_MAX_SIDE / 2 });
  });

  it("only the first frame of an animated WebP", async () => {
    const frame = (colour: string) => sharp({ create: { width: 80, height: 60, channels: 3, background: colour } }).png().toBuffer();
    const animated = await sharp([await frame("#ff0000"), await frame("#0000ff"), await frame("#00ff00")], { join: { animated: true } }).webp({ loop: 0 }).toBuffer();
    expect((await sharp(animated, { pages: -1 }).metadata()).pages).toBe(3);
    const out = await normaliseImage(animated);
    expect(out).toMatchObject({ ext: "webp", width: 80, height: 60 });
    const meta = await sharp(out.buffer, { pages: -1 }).metadata();
    expect(meta.pages ?? 1).toBe(1);
    const { data } = await sharp(out.buffer).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200); // red: the first frame
    expect(data[2]).toBeLessThan(60);
  });

  it("does not enlarge small images for the thumbnail", async () => {
    const out = await normaliseImage(await noisy(40, 30).png().toBuffer());
    expect(await sharp(out.thumb).metadata()).toMatchObject({ format: "webp", width: 40, height: 30 });
  });
});

describe("normaliseImage accepts an SVG", () => {
  it("as its sanitised text, at its intrinsic size, with a drawn thumbnail", async () => {
    const input = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><script>alert(1)</script><path d="M0 0h100v100H0z" fill="#ff0000" onclick="x()"/></svg>',
    );
    const out = await normaliseImage(input);
    expect(out).toMatchObject({ ext: "svg", contentType: "image/svg+xml", width: 200, height: 100 });
    expect(out.buffer.toString()).not.toMatch(/script|onclick|<\?xml/);
    const thumb = await sharp(out.thumb).raw().toBuffer({ resolveWithObject: true });
    expect([thumb.info.width, thumb.info.height]).toEqual([THUMB_MAX_SIDE, THUMB_MAX_SIDE / 2]);
    const at = (x: number, y: number) => [...thumb.data.subarray((y * thumb.info.width + x) * thumb.info.channels, (y * thumb.info.width + x) * thumb.info.channels + 4)];
    expect(at(100, 100)).toEqual([255, expect.closeTo(0, -0.5), expect.closeTo(0, -0.5), 255]);
    expect(at(400, 100)[3]).toBe(0);
  });
});

describe("normaliseImage refuses", () => {
  it("an SVG that draws nothing once its script is gone, or that is not whole", async () => {
    const script = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect(await reasonOf(normaliseImage(script))).toBe("asset.svgRefused");
    expect(await reasonOf(normaliseImage(Buffer.from('<svg viewBox="0 0 9 9"><path d="M0 0h9v9z"/>')))).toBe("asset.svgRefused");
    expect(await reasonOf(normaliseImage(Buffer.from([0x3c, 0x73, 0x76, 0x67, 0x20, 0xff, 0xfe, 0x3e])))).toBe("asset.notAnImage");
  });

  it("a GIF", async () => {
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#0f0" } }).gif().toBuffer();
    expect(await reasonOf(normaliseImage(gif))).toBe("asset.notAnImage");
  });

  it("random bytes and an empty file", async () => {
    expect(await reasonOf(normaliseImage(randomBytes(4096)))).toBe("asset.notAnImage");
    expect(await reasonOf(normaliseImage(Buffer.alloc(0)))).toBe("asset.notAnImage");
  });

  it("a PNG signature in front of something else", async () => {
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#0f0" } }).gif().toBuffer();
    const disguised = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), gif]);
    expect(await reasonOf(normaliseImage(disguised))).toMatch(/^asset\.(notAnImage|damaged)$/);
  });

  it("a truncated PNG and a truncated JPEG", async () => {
    const png = await noisy(300, 200).png().toBuffer();
    expect(await reasonOf(normaliseImage(png.subarray(0, png.length >> 1)))).toBe("asset.damaged");
    const jpeg = await noisy(300, 200).jpeg().toBuffer();
    expect(await reasonOf(normaliseImage(jpeg.subarray(0, jpeg.length >> 1)))).toBe("asset.damaged");
  });

  it("a tiny PNG that declares 20000×20000 pixels", async () => {
    const bomb = pngDeclaring(20_000, 20_000);
    expect(bomb.length).toBeLessThan(2048);
    const error = await normaliseImage(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).reason).toBe("asset.tooManyPixels");
    expect((error as AppError).message).toMatch(/too large \(over 40 megapixels\)/);
  });

  it("a real, fully compressed image just over 40 megapixels", async () => {
    const bomb = await sharp({ create: { width: 8000, height: 5001, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await reasonOf(normaliseImage(bomb))).toBe("asset.tooManyPixels");
  });
});

describe("sniffFormat", () => {
  it("reads the signature, not the name", () => {
    expect(sniffFormat(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(sniffFormat(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    expect(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffFormat(Buffer.from("<?xml"))).toBe("svg");
    expect(sniffFormat(Buffer.from("\n  <svg viewBox='0 0 1 1'>"))).toBe("svg");
    expect(sniffFormat(Buffer.from("<html><svg>"))).toBeNull();
  });
});
