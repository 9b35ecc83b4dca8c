import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PRODUCT_KINDS, type ProductKind } from "../catalog/catalog";
import { printPixelsIn, renderMockup, type AnyCanvas } from "./renderMockup";
import { viewFor } from "./scene";

const SIZE = 320;
const GOLDEN = path.join(__dirname, "golden");
const make = (w: number, h: number) => createCanvas(w, h) as unknown as AnyCanvas;

/** Every view of every product, with its print area's shape. */
const VIEWS: { kind: ProductKind; area: string; aspect: number }[] = [
  { kind: "tshirt", area: "Front", aspect: 304.8 / 406.4 },
  { kind: "tshirt", area: "Back", aspect: 304.8 / 406.4 },
  { kind: "hoodie", area: "Front", aspect: 304.8 / 254 },
  { kind: "hoodie", area: "Back", aspect: 304.8 / 381 },
  { kind: "mug", area: "Wrap-around", aspect: 228.6 / 88.9 },
  { kind: "tote", area: "Front", aspect: 304.8 / 355.6 },
  { kind: "poster", area: "Print", aspect: 420 / 594 },
  { kind: "stickers", area: "Sheet", aspect: 148 / 210 },
  { kind: "phone_case", area: "Back", aspect: 76 / 160 },
];

/** A fixed design: a gradient disc, a bar and a frame, transparent elsewhere. */
function design(width: number, height: number) {
  const c = createCanvas(width, height);
  const ctx = c.getContext("2d");
  const g = ctx.createLinearGradient(0, 0, width, height);
  g.addColorStop(0, "#ff6b6b");
  g.addColorStop(1, "#5f3dc4");
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.arc(width / 2, height * 0.42, Math.min(width, height) * 0.3, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = "#fcc419";
  ctx.fillRect(width * 0.12, height * 0.78, width * 0.76, height * 0.1);
  ctx.strokeStyle = "#0ca678";
  ctx.lineWidth = Math.max(2, width * 0.015);
  ctx.strokeRect(2, 2, width - 4, height - 4);
  const data = ctx.getImageData(0, 0, width, height);
  return { data: data.data, width, height };
}

function mockup(kind: ProductKind, area: string, aspect: number, colorHex: string) {
  const want = printPixelsIn({ kind, areaName: area, aspect, size: SIZE });
  const out = createCanvas(SIZE, SIZE);
  renderMockup({ kind, areaName: area, aspect, colorHex, print: design(want.width, Math.round(want.width / aspect)), size: SIZE }, make, out as unknown as AnyCanvas);
  return out;
}

describe("product mockups", () => {
  it("covers every kind of product", () => {
    expect(new Set(VIEWS.map((v) => v.kind))).toEqual(new Set(PRODUCT_KINDS));
    expect(viewFor("tshirt", "Back").side).toBe("back");
  });

  it.each(VIEWS)("$kind $area matches its golden image", async ({ kind, area, aspect }) => {
    const png = mockup(kind, area, aspect, kind === "tshirt" ? "#22304f" : kind === "hoodie" ? "#5b1f2c" : "#ffffff").toBuffer("image/png");
    const file = path.join(GOLDEN, `${kind}-${area.toLowerCase()}.png`);
    // A missing golden is a failure, not a fresh baseline: comparing the output with itself proves nothing.
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, png);
    else expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1 to write it from the current output`).toBe(true);
    const [a, b] = await Promise.all([sharp(png).raw().toBuffer(), sharp(readFileSync(file)).raw().toBuffer()]);
    expect(a.length).toBe(b.length);
    let sum = 0;
    let far = 0;
    for (let i = 0; i < a.length; i++) {
      const d = Math.abs(a[i]! - b[i]!);
      sum += d;
      if (d > 12) far++;
    }
    // Skia versions antialias a little differently; the picture must not change.
    expect(sum / a.length).toBeLessThan(0.5);
    expect(far / a.length).toBeLessThan(0.002);
  });

  it("lays the print on the product and tints the garment to the variant's colour", () => {
    const pixel = (c: ReturnType<typeof mockup>, x: number, y: number) => [...c.getContext("2d").getImageData(Math.round((x / 1000) * SIZE), Math.round((y / 1000) * SIZE), 1, 1).data];
    const navy = mockup("tshirt", "Front", 304.8 / 406.4, "#22304f");
    const red = mockup("tshirt", "Front", 304.8 / 406.4, "#c01e2e");
    // The lower body, below the print: the garment's colour, shaded.
    const [nr, , nb] = pixel(navy, 620, 780);
    const [rr, , rb] = pixel(red, 620, 780);
    expect(nb! - nr!).toBeGreaterThan(20);
    expect(rr! - rb!).toBeGreaterThan(60);
    // The print's yellow bar is on the chest, over either colour.
    const [yr, yg, yb] = pixel(navy, 500, 582);
    expect(yr! > 180 && yg! > 140 && yb! < 90).toBe(true);
    // Outside the product: the studio, the same for every colour.
    expect(pixel(navy, 40, 40)).toEqual(pixel(red, 40, 40));
  });

  it("wraps the mug's print round the cylinder: the centre of the wrap faces the camera, the ends are out of sight", () => {
    const mug = mockup("mug", "Wrap-around", 228.6 / 88.9, "#ffffff");
    const at = (x: number, y: number) => [...mug.getContext("2d").getImageData(Math.round((x / 1000) * SIZE), Math.round((y / 1000) * SIZE), 1, 1).data];
    // The disc sits at the wrap's centre, at the front of the mug; the frame at the wrap's ends is not visible.
    const [r, , b] = at(480, 500);
    expect(r! > 120 && b! > 80).toBe(true);
    expect(Math.abs(at(300, 520)[1]! - 166)).toBeGreaterThan(30);
  });
});
