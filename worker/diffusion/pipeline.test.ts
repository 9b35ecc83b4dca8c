import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_MODEL_DIR } from "./bundledModel";
import { readModelFolder } from "./modelFolder";
import { AbortedError, DiffusionPipeline } from "./pipeline";

const PNG_MAGIC = "89504e470d0a1a0a";
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("the bundled model on onnxruntime-node", () => {
  let pipe: DiffusionPipeline;
  beforeAll(async () => {
    pipe = await DiffusionPipeline.load(process.env.TEST_MODEL_DIR ?? BUNDLED_MODEL_DIR, "cpu");
  }, 60_000);
  afterAll(() => pipe?.release());

  it("generates images of the declared size, reporting every step", async () => {
    const steps: number[] = [];
    const r = await pipe.generate({ prompt: "red heart", steps: 8, guidance: 4, seed: 3, count: 2, onStep: (s) => void steps.push(s) });
    expect(r.provider).toBe("cpu");
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.images).toHaveLength(2);
    for (const im of r.images) {
      expect(im.png.subarray(0, 8).toString("hex")).toBe(PNG_MAGIC);
      expect(pngSize(im.png)).toEqual({ width: pipe.model.width, height: pipe.model.height });
    }
  });

  it("gives the same pixels for the same seed, and other pixels for another seed", async () => {
    const run = (seed: number, scheduler?: "ddim" | "euler_a") => pipe.generate({ prompt: "pizza", steps: 6, guidance: 3, seed, scheduler });
    const [a, b, c] = [await run(11), await run(11), await run(12)];
    expect(a.images[0]!.png.equals(b.images[0]!.png)).toBe(true);
    expect(a.images[0]!.png.equals(c.images[0]!.png)).toBe(false);
    const [e1, e2] = [await run(5, "euler_a"), await run(5, "euler_a")];
    expect(e1.images[0]!.png.equals(e2.images[0]!.png)).toBe(true);
  });

  it("follows the negative prompt and stops when aborted", async () => {
    const base = await pipe.generate({ prompt: "cat face", steps: 4, guidance: 5, seed: 9 });
    const neg = await pipe.generate({ prompt: "cat face", negativePrompt: "yellow", steps: 4, guidance: 5, seed: 9 });
    expect(base.images[0]!.png.equals(neg.images[0]!.png)).toBe(false);
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      pipe.generate({ prompt: "rocket", steps: 10, guidance: 4, seed: 1, signal: controller.signal, onStep: (s) => {
        seen.push(s);
        if (s === 2) controller.abort();
      } }),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(seen).toEqual([1, 2]);
  });
});

describe("model folders", () => {
  it("names what is missing from a broken folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "model-"));
    fs.writeFileSync(path.join(dir, "model_index.json"), "{}");
    expect(() => readModelFolder(dir)).toThrow(/missing tokenizer\/vocab.json, .*unet\/model.onnx/);
    fs.rmSync(dir, { recursive: true });
  });
});
