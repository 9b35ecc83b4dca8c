import { createCanvas } from "@napi-rs/canvas";
import * as esbuild from "esbuild";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { chromium } from "@playwright/test";
import sharp from "sharp";
import { SHAPE_VERSION, type Shape } from "@/domain/document/shape";
import { renderMockup, type AnyCanvas } from "@/domain/mockup/renderMockup";
import { encodePrintPng } from "@/worker/print/encodePrint";
import { renderDesign } from "@/worker/print/renderDesign";
import { table } from "../lib/load";

/**
 * Goods in one run, each beside a reference: the HQ mockup composite against a plain sharp
 * overlay of the same images; the A2 print file against sharp resizing the same pixels to the
 * same size; the live preview's redraw in Chromium against a flat preview.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const make = (w: number, h: number) => createCanvas(w, h) as unknown as AnyCanvas;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

async function timeMs(run: () => unknown | Promise<unknown>, runs = RUNS): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function printPixels(side: number) {
  const c = createCanvas(side, side);
  const ctx = c.getContext("2d");
  const g = ctx.createLinearGradient(0, 0, side, side);
  g.addColorStop(0, "#ff6b6b");
  g.addColorStop(1, "#5f3dc4");
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.arc(side / 2, side / 2, side * 0.4, 0, Math.PI * 2);
  ctx.fill();
  return { canvas: c, data: ctx.getImageData(0, 0, side, side) };
}

async function composite() {
  const print = printPixels(2000);
  const printPng = print.canvas.toBuffer("image/png");
  const base = createCanvas(2000, 2000);
  renderMockup({ kind: "tshirt", areaName: "Front", aspect: 0.75, colorHex: "#22304f", print: null, size: 2000 }, make, base as unknown as AnyCanvas);
  const basePng = base.toBuffer("image/png");
  const out = createCanvas(2000, 2000);
  const ours = await timeMs(() => renderMockup({ kind: "tshirt", areaName: "Front", aspect: 0.75, colorHex: "#22304f", print: { data: print.data.data, width: 2000, height: 2000 }, size: 2000 }, make, out as unknown as AnyCanvas));
  const ref = await timeMs(() => sharp(basePng).composite([{ input: printPng }]).raw().toBuffer());
  return { ours, ref };
}

async function a2PrintFile() {
  const source = printPixels(1200);
  const png = source.canvas.toBuffer("image/png");
  const { Image } = await import("@napi-rs/canvas");
  const image = new Image();
  image.src = png;
  const shape = (patch: Partial<Shape>): Shape => ({ v: SHAPE_VERSION, id: randomUUID(), type: "rect", x: 0, y: 0, width: 848, height: 1200, rotation: 0, opacity: 1, fill: "#ffffff", stroke: "#000", strokeWidth: 0, locked: false, hidden: false, name: "", groupId: null, ...patch });
  const shapes = [shape({ type: "image", src: "/img" }), shape({ type: "text", text: "LIVE AT NINE", x: 80, y: 980, width: 700, height: 100, fontSize: 96, fontFamily: "Inter", fontStyle: "bold", fill: "#111" })];
  const ours = await timeMs(async () => {
    const c = renderDesign({ shapes, artboard: { x: 0, y: 0, width: 848.48, height: 1200 }, width: 4961, height: 7016, background: "#ffffff", images: new Map([["/img", { image, density: 1 }]]) });
    await encodePrintPng(c.getContext("2d").getImageData(0, 0, 4961, 7016).data, 4961, 7016, 300);
  }, 3);
  const ref = await timeMs(() => sharp(png).resize(4961, 7016, { fit: "fill" }).withMetadata({ density: 300 }).png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer(), 3);
  return { ours, ref };
}

async function preview() {
  const bundle = await esbuild.build({ entryPoints: [path.join(import.meta.dirname, "previewPage.ts")], bundle: true, write: false, format: "iife", alias: { "@": path.join(import.meta.dirname, "..", "..") }, logLevel: "silent" });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 })).newPage();
    await page.setContent("<!doctype html><body style='margin:0'></body>");
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    return await page.evaluate((frames) => window.runPreviewBench(frames), 120);
  } finally {
    await browser.close();
  }
}

const c = await composite();
const p = await a2PrintFile();
const v = await preview();
console.log(
  table(
    ["measure", "ours", "reference", "reference is", "ours ÷ reference"],
    [
      ["HQ mockup composite, 2000² print on 2000² (ops/s)", 1000 / c.ours, 1000 / c.ref, "sharp overlay, same images", (1000 / c.ours) / (1000 / c.ref)],
      ["A2 print file, 4961 × 7016 PNG (s)", p.ours / 1000, p.ref / 1000, "sharp resize of the same pixels", p.ours / p.ref],
      ["live preview redraw at 1280 wide, DPR 2, p50 (ms)", median(v.ours), median(v.flat), "flat preview (snapshot drawn as is)", median(v.ours) / median(v.flat)],
      ["live preview redraw at 1280 wide, DPR 2, p95 (ms)", p95(v.ours), p95(v.flat), "flat preview (snapshot drawn as is)", p95(v.ours) / p95(v.flat)],
    ],
  ),
);
console.log(`\nGoal: the preview redraws in under 16 ms at p95: ${p95(v.ours) < 16 ? "met" : "not met"} (${p95(v.ours).toFixed(1)} ms, ${v.ours.length} frames).`);
