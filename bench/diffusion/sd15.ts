import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as ort from "onnxruntime-node";
import { table } from "../lib/load";

/**
 * What a full-size model would cost here: a UNet at Stable Diffusion 1.5's shapes (860M parameters, 4×64×64
 * latents for 512×512, 77×768 text context) with random weights, one step at batch 2 (guidance) in
 * onnxruntime-node (CPU provider) and in Debian's PyTorch. Each step takes seconds, so repeats stay small.
 */
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const REPEATS = Number(process.env.SD15_REPEATS ?? 3);
const IMAGE_STEPS = 20;
const RECIPE = path.join(import.meta.dirname, "../../worker/recipe/sd15.py");
const DIR = process.env.SD15_DIR || path.join(import.meta.dirname, "../../worker/models/_work-sd15");
const MODEL = path.join(DIR, "unet/model.onnx");

type Side = { stepS: number[]; loadS: number; maxRssGb: number };

function python(args: string[], inherit: boolean) {
  const r = spawnSync("/usr/bin/python3", [RECIPE, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", inherit ? "inherit" : "pipe"] });
  if (r.status !== 0) throw new Error(`sd15.py ${args[0]} failed: ${(r.stderr ?? "").trim().split("\n").at(-1)}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!);
}

async function ortSide(): Promise<Side> {
  let t0 = performance.now();
  // The weights sit in model.onnx_data beside the graph; loading by path lets onnxruntime find them.
  const unet = await ort.InferenceSession.create(MODEL, { executionProviders: ["cpu"], intraOpNumThreads: THREADS, interOpNumThreads: 1 });
  const loadS = (performance.now() - t0) / 1000;
  const rand = (n: number) => Float32Array.from({ length: n }, () => Math.random() * 2 - 1);
  const feeds = {
    sample: new ort.Tensor("float32", rand(2 * 4 * 64 * 64), [2, 4, 64, 64]),
    timestep: new ort.Tensor("float32", Float32Array.of(500, 500), [2]),
    encoder_hidden_states: new ort.Tensor("float32", rand(2 * 77 * 768), [2, 77, 768]),
  };
  await unet.run(feeds);
  const stepS: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    t0 = performance.now();
    await unet.run(feeds);
    stepS.push((performance.now() - t0) / 1000);
  }
  await unet.release();
  return { stepS, loadS, maxRssGb: process.resourceUsage().maxRSS / 2 ** 20 };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function row(name: string, s: Side): (string | number)[] {
  const m = mean(s.stepS);
  return [name, m.toFixed(2), Math.min(...s.stepS).toFixed(2), (m * IMAGE_STEPS).toFixed(0), s.loadS.toFixed(1), s.maxRssGb.toFixed(1)];
}

async function main() {
  if (!fs.existsSync(MODEL)) {
    console.error(`exporting the SD 1.5-shaped UNet to ${DIR} (minutes, ~3.4 GB)…`);
    python(["export", "--out", DIR], true);
  }
  const params = (JSON.parse(fs.readFileSync(path.join(DIR, "unet/config.json"), "utf8")) as { parameters: number }).parameters;
  const load = os.loadavg()[0]!.toFixed(2);
  const o = await ortSide();
  const rows = [row("onnxruntime-node (CPU provider)", o)];
  let ratio: string;
  try {
    const t = python(["time", "--steps", String(REPEATS), "--threads", String(THREADS)], false) as { torch: string; step_s: number[]; build_s: number; max_rss_gb: number };
    rows.push(row(`PyTorch ${t.torch} (Debian)`, { stepS: t.step_s, loadS: t.build_s, maxRssGb: t.max_rss_gb }));
    const r = mean(t.step_s) / mean(o.stepS);
    ratio = r >= 1 ? `onnxruntime-node is ${r.toFixed(2)}× faster per UNet step` : `PyTorch is ${(1 / r).toFixed(2)}× faster per UNet step`;
  } catch (e) {
    ratio = `PyTorch side unavailable (install python3-torch): ${(e as Error).message}`;
  }
  console.log(`\nSD 1.5-shaped UNet, random weights, ${(params / 1e6).toFixed(1)}M parameters; batch 2 (guidance), 4×64×64 latents (512×512), 77×768 context`);
  console.log(`${REPEATS} timed steps after 1 warm-up, ${THREADS} threads, ${os.cpus().length} cores, load average ${load} before the run\n`);
  console.log(table(["runtime", "UNet step s", "min s", `${IMAGE_STEPS}-step image s (est.)`, "load s", "peak RSS GB"], rows));
  console.log(`\n${ratio}. The image estimate is ${IMAGE_STEPS} × the mean step: UNet only, without SD's text encoder and VAE decoder.`);
  console.log("load s: onnxruntime session creation; for PyTorch, building the module with random weights.");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
