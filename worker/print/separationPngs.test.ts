import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pngDpi } from "./encodePrint";
import { layoutMarks } from "./registrationMarks";
import { separationPngs } from "./separationPngs";

const W = 400;
const H = 300;

/** A red square with a half-covered right edge, a smaller blue square, on a transparent ground. */
function composite(): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(W * H * 4);
  const paint = (x0: number, y0: number, x1: number, y1: number, rgb: number[], alpha = 255) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) rgba.set([...rgb, alpha], (y * W + x) * 4);
  };
  paint(100, 100, 200, 200, [229, 57, 53]);
  paint(200, 100, 201, 200, [229, 57, 53], 128);
  // Slightly off the ink, as anti-aliasing and colour management leave it.
  paint(240, 120, 300, 180, [32, 60, 136]);
  return rgba;
}

/** A film's pixels; `channels` is what the PNG itself holds (decoding to raw would make it RGB). */
async function grey(png: Buffer) {
  const { channels } = await sharp(png).metadata();
  const { data, info } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data, info: { ...info, channels }, at: (x: number, y: number) => data[y * info.width + x]! };
}

describe("screen-print separations", () => {
  it("give each ink a greyscale film of the composite's size and DPI, ink black on white, edges at their coverage", async () => {
    const films = await separationPngs(composite(), W, H, 300, ["#1e3a8a", "#e53935", "#00ff00"]);
    // The green ink covers nothing: no film. Largest coverage first.
    expect(films.map((f) => f.ink)).toEqual(["#e53935", "#1e3a8a"]);
    const [red, blue] = await Promise.all(films.map((f) => grey(f.body)));
    for (const [i, film] of [red!, blue!].entries()) {
      expect([film.info.width, film.info.height, film.info.channels, pngDpi(films[i]!.body)]).toEqual([W, H, 1, 300]);
    }
    expect([red!.at(150, 150), red!.at(200, 150), red!.at(270, 150), red!.at(150, 250)]).toEqual([0, 127, 255, 255]);
    expect([blue!.at(150, 150), blue!.at(270, 150), blue!.at(320, 150)]).toEqual([255, 0, 255]);
  });

  it("put the same registration marks on every film, where the art leaves room", async () => {
    const films = await Promise.all((await separationPngs(composite(), W, H, 150, ["#e53935", "#1e3a8a"])).map((f) => grey(f.body)));
    const layout = layoutMarks(W, H, 150, () => true);
    expect(layout.sites.length).toBe(8);
    for (const site of layout.sites) {
      for (const film of films) {
        // The crosshair's centre and the circle's rightmost point are ink; inside the circle between the arms is bare.
        expect([film.at(site.x, site.y), film.at(site.x + layout.radius, site.y), film.at(site.x + 8, site.y + 8)]).toEqual([0, 0, 255]);
      }
    }
    const box = (d: Buffer, s: { x: number; y: number }) => [...Array(2 * layout.arm + 1).keys()].flatMap((dy) => [...d.subarray((s.y - layout.arm + dy) * W + s.x - layout.arm, (s.y - layout.arm + dy) * W + s.x + layout.arm + 1)]);
    for (const site of layout.sites) expect(box(films[0]!.data, site)).toEqual(box(films[1]!.data, site));
  });

  it("leave out a place the art covers, and fall back to the four corners when too few are free", () => {
    const someClear = layoutMarks(W, H, 300, (x0, y0) => !(x0 < W / 4 && y0 < H / 4));
    expect(someClear.sites).toHaveLength(7);
    const noneClear = layoutMarks(W, H, 300, () => false);
    expect(noneClear.sites).toHaveLength(4);
    expect(layoutMarks(60, 60, 300, () => true).sites).toEqual([]);
  });
});
