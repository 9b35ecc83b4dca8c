import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ColorMode, Hierarchical, PathSimplifyMode, vectorizeRaw } from "@neplex/vectorizer";
import { printReadyModelDir } from "@/worker/printReady/printReadyModel";
import { PrintReadyUpscaler } from "@/worker/printReady/printReadyUpscaler";
import { applyPalette, choosePalette, OPAQUE } from "@/worker/vector/quantizePalette";
import { rasterizeSvgRgba } from "@/worker/vector/rasterizeSvg";
import { traceImage } from "@/worker/vector/traceImage";
import { table } from "../lib/load";
import { onWhite, ssim } from "../upscale/imageMetrics";
import { sharpness } from "./artMetrics";
import { decodeRgba, readInput, readSvg, writeEmojiSet, type RgbaPixels } from "./emojiSet";

/**
 * How traceImage's tracer was chosen: candidates traced from the print-ready network's output on
 * TRAINING emoji (never the held-out ones that bench:art scores), each rendered back at 1024 and
 * scored on white against the emoji's SVG: SSIM, sharpness against the truth's, paths, colours and
 * the time to trace and render. `npx tsx bench/art/compareTracers.ts` (BENCH_LIMIT, default 24).
 */
const LIMIT = Number(process.env.BENCH_LIMIT || 24);
const DIR = path.join(import.meta.dirname, "out", "train");
const SIDE = 1024;

type ImageTracerModule = { imagedataToSVG(img: { width: number; height: number; data: Uint8ClampedArray }, options: object): string };
const ImageTracer = createRequire(import.meta.url)("imagetracerjs") as ImageTracerModule;

/** Alpha cut at half, colour kept: what a tracer that knows no palette gets. */
function binaryAlpha(img: RgbaPixels): Buffer {
  const out = Buffer.from(img.data);
  for (let i = 0; i < out.length; i += 4) if (out[i + 3]! < OPAQUE) out.fill(0, i, i + 4); else out[i + 3] = 255;
  return out;
}

/** imagetracerjs draws every layer, the transparent one with opacity 0: that one is dropped. */
function imageTracer(pixels: Buffer, img: RgbaPixels, options: object): string {
  const svg = ImageTracer.imagedataToSVG({ width: img.width, height: img.height, data: new Uint8ClampedArray(pixels) }, { blurradius: 0, roundcoords: 1, ...options });
  return svg.replace(/<path[^>]*opacity="0"[^>]*\/>/g, "");
}

const candidates: Record<string, (img: RgbaPixels) => Promise<string>> = {
  "palette + vtracer stacked (traceImage)": async (img) => (await traceImage(img)).svg,
  "palette + imagetracerjs": async (img) => {
    const palette = choosePalette(img);
    const pal = [...palette.map(([r, g, b]) => ({ r, g, b, a: 255 })), { r: 0, g: 0, b: 0, a: 0 }];
    return imageTracer(applyPalette(img, palette), img, { pal, colorquantcycles: 1 });
  },
  "vtracer's own clustering (6 bits, layer difference 16)": (img) =>
    vectorizeRaw(binaryAlpha(img), img, {
      colorMode: ColorMode.Color, hierarchical: Hierarchical.Stacked, filterSpeckle: 6, colorPrecision: 6, layerDifference: 16,
      mode: PathSimplifyMode.Spline, cornerThreshold: 60, lengthThreshold: 4, maxIterations: 10, spliceThreshold: 45, pathPrecision: 2,
    }),
  "imagetracerjs's own 16 colours": async (img) => imageTracer(binaryAlpha(img), img, { numberofcolors: 16 }),
};

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  const names = writeEmojiSet(DIR, "train", LIMIT);
  process.env.ORT_THREADS = "1";
  const net = await PrintReadyUpscaler.load(printReadyModelDir(), "cpu");
  const sums = new Map<string, Record<string, number>>();
  const rasterSums: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) {
    const out = await decodeRgba((await net.upscale(readInput(DIR, i))).png);
    const truth = onWhite(rasterizeSvgRgba(readSvg(DIR, i), SIDE, SIDE).data, SIDE, SIDE, 4);
    const truthSharp = sharpness(truth);
    const raster = onWhite(out.data, SIDE, SIDE, 4);
    rasterSums.ssim = (rasterSums.ssim ?? 0) + ssim(raster, truth) / names.length;
    rasterSums.sharp = (rasterSums.sharp ?? 0) + sharpness(raster) / truthSharp / names.length;
    for (const [name, trace] of Object.entries(candidates)) {
      const t0 = performance.now();
      const svg = await trace(out);
      const drawn = rasterizeSvgRgba(svg, SIDE, SIDE);
      const ms = performance.now() - t0;
      const v = onWhite(drawn.data, SIDE, SIDE, 4);
      const fills = new Set([...svg.matchAll(/fill="([^"]+)"/g)].map((m) => m[1]));
      const row = sums.get(name) ?? {};
      const add = (k: string, x: number) => (row[k] = (row[k] ?? 0) + x / names.length);
      add("ssim", ssim(v, truth)); add("sharp", sharpness(v) / truthSharp); add("paths", (svg.match(/<path/g) ?? []).length);
      add("colors", fills.size); add("ms", ms); add("kB", svg.length / 1000);
      sums.set(name, row);
    }
    process.stderr.write(`\r${i + 1}/${names.length}`);
  }
  await net.release();
  console.log(`\n\ntracers on ${names.length} training emoji, the print-ready network's 1024 px output, scored at 1024 on white\n`);
  console.log(table(["tracer", "SSIM", "sharpness ÷ truth", "paths", "colours", "SVG kB", "trace + render ms"], [
    ["(the network's raster, untraced)", rasterSums.ssim!.toFixed(4), rasterSums.sharp!.toFixed(3), "", "", "", ""],
    ...[...sums].map(([name, s]) => [name, s.ssim!.toFixed(4), s.sharp!.toFixed(3), s.paths!.toFixed(0), s.colors!.toFixed(1), s.kB!.toFixed(0), s.ms!.toFixed(0)]),
  ]));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
