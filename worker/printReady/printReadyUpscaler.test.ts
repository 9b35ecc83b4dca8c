import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputTooLargeError, PrintReadyUpscaler } from "./printReadyUpscaler";

/** A red disc with a white centre, on white: what a generated sticker looks like. */
async function discOnWhite(side: number): Promise<Buffer> {
  const r = side * 0.4;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><rect width="100%" height="100%" fill="#fff"/>
    <circle cx="${side / 2}" cy="${side / 2}" r="${r}" fill="#d62828" stroke="#222" stroke-width="${side / 32}"/>
    <circle cx="${side / 2}" cy="${side / 2}" r="${r / 3}" fill="#fff" stroke="#222" stroke-width="${side / 32}"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe("the print-ready network in onnxruntime-node", () => {
  let net: PrintReadyUpscaler;
  beforeAll(async () => {
    net = await PrintReadyUpscaler.load(undefined, "cpu");
  });
  afterAll(() => net?.release());

  it("turns a 64 px image on white into a 1024 px RGBA image, reporting each tile", async () => {
    const ticks: string[] = [];
    const out = await net.upscale(await discOnWhite(64), { onTile: (done, total) => void ticks.push(`${done}/${total}`) });
    expect(out).toMatchObject({ width: 1024, height: 1024 });
    expect(ticks).toEqual(["1/1"]);
    const meta = await sharp(out.png).metadata();
    expect(meta).toMatchObject({ format: "png", width: 1024, height: 1024, channels: 4 });
    // The paper around the disc goes transparent; the white centre inside its outline stays, opaque.
    const { data } = await sharp(out.png).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * 1024 + x) * 4, (y * 1024 + x) * 4 + 4)];
    expect(px(512, 512)[3]).toBe(255);
    expect(Math.min(...px(512, 512).slice(0, 3))).toBeGreaterThanOrEqual(232);
    expect(px(8, 8)[3]).toBeLessThan(128);
  });

  it("keeps a flat flag's white half, which touches the paper, and nothing around the flag", async () => {
    // Malta's flag as an emoji draws it: no outline, the white half meeting the white paper.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#fff"/>
      <rect x="32" y="12" width="30" height="40" fill="#cf142b"/><rect x="6" y="15" width="5" height="5" fill="#999"/></svg>`;
    const out = await net.upscale(await sharp(Buffer.from(svg)).png().toBuffer());
    const { data } = await sharp(out.png).raw().toBuffer({ resolveWithObject: true });
    const alpha = (x: number, y: number) => data[(y * 1024 + x) * 4 + 3];
    for (const [x, y] of [[40, 200], [300, 500], [480, 820], [40, 820]] as const) expect(alpha(x, y)).toBe(255);
    expect(Math.min(...data.subarray((500 * 1024 + 300) * 4, (500 * 1024 + 300) * 4 + 3))).toBeGreaterThanOrEqual(232);
    for (const [x, y] of [[300, 150], [300, 860], [16, 500], [1010, 500]] as const) expect(alpha(x, y)).toBe(0);
  });

  it("stitches tiles into what one pass over the whole image gives", async () => {
    const image = await discOnWhite(100);
    const whole = await PrintReadyUpscaler.load(undefined, "cpu");
    try {
      // A tile as large as the image: one pass. The shipped tile size cuts 100 px into four.
      (whole.model as { tile: number }).tile = 128;
      const [one, tiled] = [await whole.upscale(image), await net.upscale(image)];
      expect(net.tileCount(100, 100)).toBe(4);
      const [a, b] = await Promise.all([one, tiled].map((i) => sharp(i.png).raw().toBuffer()));
      let worst = 0;
      for (let i = 0; i < a!.length; i++) worst = Math.max(worst, Math.abs(a![i]! - b![i]!));
      expect(worst).toBeLessThanOrEqual(2);
    } finally {
      await whole.release();
    }
  });

  it("refuses an image that is already print-sized", async () => {
    await expect(net.upscale(await discOnWhite(300))).rejects.toBeInstanceOf(InputTooLargeError);
  });
});
