import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import * as ort from "onnxruntime-node";
import { BUNDLED_MODEL_DIR } from "@/worker/diffusion/bundledModel";
import { DiffusionPipeline } from "@/worker/diffusion/pipeline";
import { table } from "../lib/load";

/**
 * The bundled model's UNet step and a whole 20-step image with guidance, in onnxruntime-node (CPU
 * provider) and in Debian's PyTorch on the same architecture and shapes, in one run.
 */
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const STEPS = 20;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 200);

async function ortTimes() {
  process.env.ORT_THREADS = String(THREADS);
  const pipe = await DiffusionPipeline.load(process.env.MODEL_DIR || BUNDLED_MODEL_DIR, "cpu");
  const unet = await ort.InferenceSession.create(path.join(pipe.model.dir, "unet/model.onnx"), { executionProviders: ["cpu"], intraOpNumThreads: THREADS });
  const [c, h, w] = [pipe.model.latentChannels, pipe.model.height / pipe.model.downsample, pipe.model.width / pipe.model.downsample];
  const feeds = {
    sample: new ort.Tensor("float32", Float32Array.from({ length: 2 * c * h * w }, () => Math.random()), [2, c, h, w]),
    timestep: new ort.Tensor("float32", Float32Array.of(500, 500), [2]),
    encoder_hidden_states: new ort.Tensor("float32", new Float32Array(2 * 32 * 128).fill(0.1), [2, 32, 128]),
  };
  for (let i = 0; i < 10; i++) await unet.run(feeds);
  let t0 = performance.now();
  for (let i = 0; i < REPEATS; i++) await unet.run(feeds);
  const stepMs = (performance.now() - t0) / REPEATS;
  await pipe.generate({ prompt: "red heart", steps: STEPS, guidance: 4, seed: 1 });
  t0 = performance.now();
  for (let i = 0; i < 5; i++) await pipe.generate({ prompt: "red heart", steps: STEPS, guidance: 4, seed: i });
  const imageMs = (performance.now() - t0) / 5;
  return { stepMs, imageMs };
}

async function main() {
  const o = await ortTimes();
  const py = spawnSync("/usr/bin/python3", [path.join(import.meta.dirname, "torch_reference.py"), String(THREADS), String(STEPS), String(REPEATS)], { encoding: "utf8" });
  const rows: (string | number)[][] = [["onnxruntime-node (CPU provider)", Number(o.stepMs.toFixed(2)), Number(o.imageMs.toFixed(1))]];
  let ratio = "";
  if (py.status === 0) {
    const t = JSON.parse(py.stdout.trim().split("\n").at(-1)!) as { torch: string; step_ms: number; image_ms: number };
    rows.push([`PyTorch ${t.torch} (Debian)`, Number(t.step_ms.toFixed(2)), Number(t.image_ms.toFixed(1))]);
    ratio = `onnxruntime-node is ${(t.step_ms / o.stepMs).toFixed(1)}× faster per UNet step and ${(t.image_ms / o.imageMs).toFixed(1)}× per image`;
  } else {
    ratio = `PyTorch side unavailable (install python3-torch): ${py.stderr.trim().split("\n").at(-1)}`;
  }
  console.log(`\nbundled model, UNet at batch 2 (guidance), ${STEPS}-step 64×64 image, ${THREADS} threads, ${os.cpus().length} cores\n`);
  console.log(table(["runtime", "UNet step ms", "image ms (20 steps)"], rows));
  console.log(`\n${ratio}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
