import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as ort from "onnxruntime-node";
import sharp from "sharp";
import { BUNDLED_MODEL_DIR } from "@/worker/diffusion/bundledModel";
import { DiffusionPipeline } from "@/worker/diffusion/pipeline";
import { printReadyModelDir } from "@/worker/printReady/printReadyModel";
import { PrintReadyUpscaler } from "@/worker/printReady/printReadyUpscaler";
import { table } from "../lib/load";
import { boxDown, iou, lanczosUp, onWhite, psnr, ssim, type Rgb } from "./imageMetrics";
import { drawGrid } from "./sampleGrid";

/**
 * The print-ready network on the emoji the diffusion model holds out, in one run: PSNR and SSIM
 * against the SVG renders beside sharp's bicubic and Lanczos, alpha against the SVG's, and its
 * time in onnxruntime-node beside the same network in PyTorch; then a grid of generated prompts.
 */
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PROMPTS = ["red heart", "cat face", "pizza", "rocket", "ghost", "crown", "sun", "flag of korea"];
const OUT = path.join(import.meta.dirname, "out");

type Row = Record<string, number>;

async function rgba(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

async function resized(input: Buffer, side: number, kernel: "cubic"): Promise<Rgb> {
  const { data, info } = await sharp(input).resize(side, side, { kernel }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return onWhite(new Uint8Array(data), info.width, info.height, 3);
}

function mask(pixels: Uint8Array, test: (i: number) => boolean): Uint8Array {
  const out = new Uint8Array(pixels.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = test(i) ? 1 : 0;
  return out;
}

async function score(net: PrintReadyUpscaler, dir: string, n: number): Promise<Row> {
  const sums: Row = {};
  const add = (k: string, v: number) => (sums[k] = (sums[k] ?? 0) + v / n);
  for (let i = 0; i < n; i++) {
    const input = fs.readFileSync(path.join(dir, `${i}-input.png`));
    const target = await rgba(fs.readFileSync(path.join(dir, `${i}-target.png`)));
    const ours = await rgba((await net.upscale(input)).png);
    const t1024 = onWhite(target.data, 1024, 1024, 4);
    const t256 = boxDown(t1024, 4);
    const o1024 = onWhite(ours.data, 1024, 1024, 4);
    const o256 = boxDown(o1024, 4);
    const small = await sharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const source = onWhite(new Uint8Array(small.data), small.info.width, small.info.height, 3);
    const [lan256, lan1024] = [lanczosUp(source, 256), lanczosUp(source, 1024)];
    const bic256 = await resized(input, 256, "cubic");
    add("ours256", psnr(o256, t256)); add("lanczos256", psnr(lan256, t256)); add("bicubic256", psnr(bic256, t256));
    add("ssimOurs256", ssim(o256, t256)); add("ssimLanczos256", ssim(lan256, t256)); add("ssimBicubic256", ssim(bic256, t256));
    add("ours1024", psnr(o1024, t1024)); add("lanczos1024", psnr(lan1024, t1024));
    add("ssimOurs1024", ssim(o1024, t1024)); add("ssimLanczos1024", ssim(lan1024, t1024));
    const truth = mask(target.data, (j) => target.data[j * 4 + 3]! > 127);
    add("iouOurs", iou(mask(ours.data, (j) => ours.data[j * 4 + 3]! > 127), truth));
    add("iouBaseline", iou(mask(target.data, (j) => Math.min(lan1024.data[j * 3]!, lan1024.data[j * 3 + 1]!, lan1024.data[j * 3 + 2]!) < 0.94), truth));
  }
  return sums;
}

/** The median of RUNS timed calls, after one warm-up. */
async function medianMs(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** The network alone on a 64 px tensor, as PyTorch's time is taken. */
async function ortNetworkMs(file: string): Promise<number> {
  const session = await ort.InferenceSession.create(file, { executionProviders: ["cpu"], intraOpNumThreads: THREADS, graphOptimizationLevel: "all" });
  const feeds = { image: new ort.Tensor("float32", Float32Array.from({ length: 3 * 64 * 64 }, () => Math.random()), [1, 3, 64, 64]) };
  try {
    return await medianMs(() => session.run(feeds));
  } finally {
    await session.release();
  }
}

async function grid(net: PrintReadyUpscaler): Promise<string> {
  const pipe = await DiffusionPipeline.load(process.env.MODEL_DIR || BUNDLED_MODEL_DIR, "cpu");
  const rows = [];
  for (const prompt of PROMPTS) {
    const source = (await pipe.generate({ prompt, steps: 20, guidance: 4, seed: 42 })).images[0]!.png;
    const lanczos = await sharp(source).resize(1024, 1024, { kernel: "lanczos3" }).png().toBuffer();
    rows.push({ prompt, source, lanczos, ours: (await net.upscale(source)).png });
  }
  await pipe.release();
  const file = path.join(net.model.file, "..", "samples-print-ready.png");
  fs.writeFileSync(file, await drawGrid(rows));
  return file;
}

const fmt = (v: number, digits = 2) => Number(v.toFixed(digits));
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const modelDir = printReadyModelDir();
  const py = spawnSync("/usr/bin/python3", [path.join(import.meta.dirname, "../../worker/recipe/upscale_bench.py"), modelDir, OUT, "--threads", String(THREADS), "--runs", String(RUNS), ...(LIMIT ? ["--limit", String(LIMIT)] : [])], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (py.status !== 0) throw new Error(`the Python half failed:\n${py.stderr.slice(-3000)}`);
  const ref = JSON.parse(py.stdout.trim().split("\n").at(-1)!) as { heldout: number; torch_ms_p50: number; torch: string };
  process.env.ORT_THREADS = String(THREADS);
  const net = await PrintReadyUpscaler.load(modelDir, "cpu");
  const heldout = path.join(OUT, "heldout");
  const s = await score(net, heldout, ref.heldout);
  const sample = fs.readFileSync(path.join(heldout, "0-input.png"));
  const endToEnd = await medianMs(() => net.upscale(sample));
  const network = await ortNetworkMs(net.model.file);
  const gridFile = await grid(net);

  console.log(`\n${net.model.name} (${net.model.hash}) on ${ref.heldout} held-out emoji, ${THREADS} threads, ${os.cpus().length} cores\n`);
  console.log(table(["measure", "ours", "Lanczos-3", "bicubic (sharp)", "ours − Lanczos", "must", "goal"], [
    ["PSNR at 256 (×4), dB", fmt(s.ours256!), fmt(s.lanczos256!), fmt(s.bicubic256!), fmt(s.ours256! - s.lanczos256!), verdict(s.ours256! - s.lanczos256! >= 2), verdict(s.ours256! - s.lanczos256! >= 4)],
    ["SSIM at 256", fmt(s.ssimOurs256!, 4), fmt(s.ssimLanczos256!, 4), fmt(s.ssimBicubic256!, 4), fmt(s.ssimOurs256! - s.ssimLanczos256!, 4), "", ""],
    ["PSNR at 1024 (×16), dB", fmt(s.ours1024!), fmt(s.lanczos1024!), "", fmt(s.ours1024! - s.lanczos1024!), verdict(s.ours1024! - s.lanczos1024! >= 1 && s.ssimOurs1024! > s.ssimLanczos1024!), verdict(s.ours1024! - s.lanczos1024! >= 4)],
    ["SSIM at 1024", fmt(s.ssimOurs1024!, 4), fmt(s.ssimLanczos1024!, 4), "", fmt(s.ssimOurs1024! - s.ssimLanczos1024!, 4), "", ""],
    ["alpha IoU at 1024 (baseline: not near-white → opaque)", fmt(s.iouOurs!, 4), fmt(s.iouBaseline!, 4), "", `${fmt(100 * (s.iouOurs! - s.iouBaseline!), 1)} points`, verdict(s.iouOurs! - s.iouBaseline! >= 0.02), verdict(s.iouOurs! >= 0.97)],
  ]));
  console.log("\n" + table(["64 → 1024 RGBA", "ms (median)", "PyTorch ÷ this", "must < 3 s", "goal < 1 s"], [
    ["onnxruntime-node (CPU provider), network only", fmt(network, 1), fmt(ref.torch_ms_p50 / network, 2), "", ""],
    ["onnxruntime-node, PNG in → tiles → RGBA PNG out (the worker's path)", fmt(endToEnd, 1), fmt(ref.torch_ms_p50 / endToEnd, 2), verdict(endToEnd < 3000), verdict(endToEnd < 1000)],
    [`PyTorch ${ref.torch} (Debian), same weights, network only`, fmt(ref.torch_ms_p50, 1), "1", "", ""],
  ]));
  console.log(`\ngrid of ${PROMPTS.length} generated prompts: ${path.relative(process.cwd(), gridFile)}`);
  fs.writeFileSync(path.join(OUT, "results.json"), JSON.stringify({ scores: s, ortMs: endToEnd, ortNetworkMs: network, torchMs: ref.torch_ms_p50, heldout: ref.heldout }, null, 2));
  await net.release();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
