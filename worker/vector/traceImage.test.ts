import { describe, expect, it } from "vitest";
import { rasterizeSvg, rasterizeSvgRgba } from "./rasterizeSvg";
import { traceImage } from "./traceImage";

const SIZE = 256;
const RED = [220, 30, 40];
const WHITE = [255, 255, 255];
const BLUE = [30, 60, 200];

/**
 * Flat art on transparency, drawn with 2 px soft edges like an enlarged image: a red disc with a
 * white highlight (white belongs to the subject), and a blue ring whose middle is transparent.
 */
function art(): Buffer {
  const data = Buffer.alloc(SIZE * SIZE * 4);
  const soft = (d: number) => Math.min(1, Math.max(0, 0.5 - d / 2));
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const disc = soft(Math.hypot(x - 90, y - 128) - 65);
      const highlight = soft(Math.hypot(x - 70, y - 100) - 20);
      const r = Math.hypot(x - 205, y - 128);
      const ring = Math.min(soft(r - 40), soft(20 - r));
      const discColour = RED.map((v, c) => v * (1 - highlight) + WHITE[c]! * highlight);
      const a = Math.max(disc, ring);
      const colour = ring > disc ? BLUE : discColour;
      const i = (y * SIZE + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = Math.round(colour[c]!);
      data[i + 3] = Math.round(a * 255);
    }
  }
  return data;
}

function pixel(data: Buffer, x: number, y: number): number[] {
  const i = (y * SIZE + x) * 4;
  return [...data.subarray(i, i + 4)];
}

function alphaIou(a: Buffer, b: Buffer): number {
  let inter = 0;
  let union = 0;
  for (let i = 3; i < a.length; i += 4) {
    const [p, q] = [a[i]! >= 128, b[i]! >= 128];
    inter += Number(p && q);
    union += Number(p || q);
  }
  return inter / union;
}

describe("traceImage", () => {
  it("traces flat art to solid-filled paths whose rendering matches it, with no fill over transparency", async () => {
    const input = art();
    const traced = await traceImage({ data: input, width: SIZE, height: SIZE });
    expect(traced.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="256" height="256" viewBox="0 0 256 256">/);
    expect(traced.svg).not.toMatch(/<image|transform=|<rect|opacity/);
    const fills = [...traced.svg.matchAll(/fill="([^"]*)"/g)].map((m) => m[1]);
    expect(fills.every((f) => /^#[0-9a-f]{6}$/.test(f!))).toBe(true);
    expect(traced.paths).toBe(fills.length);
    expect(traced.colors).toBe(3);

    const out = rasterizeSvgRgba(traced.svg, SIZE, SIZE).data;
    expect(alphaIou(out, input)).toBeGreaterThan(0.98);
    const near = (p: number[], rgb: number[]) => p[3] === 255 && rgb.every((v, c) => Math.abs(p[c]! - v) <= 6);
    expect(near(pixel(out, 120, 150), RED)).toBe(true);
    expect(near(pixel(out, 70, 100), WHITE)).toBe(true);
    expect(near(pixel(out, 205, 95), BLUE)).toBe(true);
    // The ring's middle, the gap between the shapes and the corners stay see-through.
    for (const [x, y] of [[205, 128], [200, 135], [160, 128], [3, 3], [252, 252]] as const) expect(pixel(out, x, y)[3]).toBe(0);
    // A smoothed outline may graze a pixel next to the edge, never cover one of the transparent pixels.
    for (let i = 3; i < input.length; i += 4) if (input[i] === 0 && out[i]! >= 128) expect.fail(`fill over transparent pixel ${(i - 3) / 4}`);
  });

  it("keeps a hole that two colours share see-through", async () => {
    // A square, red on the left and blue on the right, with a round hole across the seam.
    const data = Buffer.alloc(SIZE * SIZE * 4);
    for (let y = 40; y < 216; y++) {
      for (let x = 40; x < 216; x++) {
        if (Math.hypot(x - 128, y - 128) < 30) continue;
        data.set(x < 128 ? [...RED, 255] : [...BLUE, 255], (y * SIZE + x) * 4);
      }
    }
    const out = rasterizeSvgRgba((await traceImage({ data, width: SIZE, height: SIZE })).svg, SIZE, SIZE).data;
    for (const [x, y] of [[128, 128], [110, 128], [146, 128], [128, 110]] as const) expect(pixel(out, x, y)[3]).toBe(0);
    expect(alphaIou(out, data)).toBeGreaterThan(0.98);
  });

  it("honours the colour count", async () => {
    const two = await traceImage({ data: art(), width: SIZE, height: SIZE }, { colors: 2 });
    expect(two.colors).toBe(2);
    const out = rasterizeSvgRgba(two.svg, SIZE, SIZE).data;
    // Anti-aliased edges blend the colours; a colour of the art covers at least 1 % of it.
    const counts = new Map<string, number>();
    let opaque = 0;
    for (let i = 0; i < out.length; i += 4) {
      if (out[i + 3] !== 255) continue;
      const key = out.subarray(i, i + 3).join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      opaque++;
    }
    expect([...counts.values()].filter((c) => c >= opaque / 100)).toHaveLength(2);
    await expect(traceImage({ data: art(), width: SIZE, height: SIZE }, { colors: 17 })).rejects.toThrow(RangeError);
    await expect(traceImage({ data: art(), width: SIZE, height: SIZE }, { colors: 1 })).rejects.toThrow(RangeError);
  });

  it("traces art without flat regions too (noise), at the colour count asked", async () => {
    const data = Buffer.alloc(64 * 64 * 4);
    for (let i = 0; i < data.length; i += 4) data.set([(i * 7919) % 256, (i * 104729) % 256, (i * 31) % 256, 255], i);
    const traced = await traceImage({ data, width: 64, height: 64 }, { colors: 4 });
    expect(traced.paths).toBeGreaterThan(0);
    expect(traced.colors).toBeLessThanOrEqual(4);
    expect(alphaIou(rasterizeSvgRgba(traced.svg, 64, 64).data, data)).toBeGreaterThan(0.98);
  });

  it("gives an empty SVG for a fully transparent image", async () => {
    const empty = await traceImage({ data: Buffer.alloc(16 * 16 * 4), width: 16, height: 16 });
    expect(empty).toMatchObject({ colors: 0, paths: 0 });
  });
});

describe("rasterizeSvg", () => {
  const square = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect x="0" y="0" width="5" height="10" fill="#ff0000"/></svg>`;

  it("fits the viewBox into exactly the asked pixels, centred when the aspect differs", () => {
    const png = rasterizeSvg(square, 40, 20);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([40, 20]);
    const { data } = rasterizeSvgRgba(square, 40, 20);
    const at = (x: number, y: number) => [...data.subarray((y * 40 + x) * 4, (y * 40 + x) * 4 + 4)];
    expect(at(5, 10)).toEqual([0, 0, 0, 0]); // left of the centred 20 × 20 art
    expect(at(12, 10)).toEqual([255, 0, 0, 255]);
    expect(at(25, 10)).toEqual([0, 0, 0, 0]);
  });

  it("sizes an SVG without a viewBox by its width and height, and loads no file", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="8" height="8"><rect width="4" height="8" fill="#00ff00" fill-opacity="0.5"/><image x="4" width="4" height="8" xlink:href="${import.meta.filename}"/></svg>`;
    const { data } = rasterizeSvgRgba(svg, 16, 16);
    expect([...data.subarray(0, 4)]).toEqual([0, 255, 0, 128]);
    expect([...data.subarray((8 * 16 + 12) * 4, (8 * 16 + 12) * 4 + 4)]).toEqual([0, 0, 0, 0]);
    expect(() => rasterizeSvg(svg, 0, 10)).toThrow(RangeError);
  });
});
