import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readModelFolder } from "@/worker/diffusion/modelFolder";
import { DiffusionPipeline } from "@/worker/diffusion/pipeline";
import { ClipTokenizer } from "@/worker/diffusion/tokenizer";
import { recipePython, requireRecipePrerequisites } from "./prerequisites";



/** The recipe end to end on tiny data (`--smoke`): data, tokenizer, autoencoder, UNet, judge, export, evaluation. */
describe("the model recipe, in smoke mode", () => {
  let dir: string;
  let modelDir: string;

  beforeAll(async () => {
    requireRecipePrerequisites();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "recipe-"));
    const run = await recipePython(["run.py", "--smoke", "--work", path.join(dir, "work"), "--out", path.join(dir, "model")]);
    expect(run.code, run.output.slice(-4000)).toBe(0);
    modelDir = path.join(dir, "model-smoke");
  }, 15 * 60_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exports a Stable Diffusion ONNX folder that the product's pipeline runs, the same pixels for the same seed", async () => {
    const folder = readModelFolder(modelDir);
    expect(folder).toMatchObject({ width: 64, height: 64, latentChannels: 4, downsample: 4 });
    const pipe = await DiffusionPipeline.load(modelDir, "cpu");
    try {
      const run = (seed: number) => pipe.generate({ prompt: "red heart", steps: 4, guidance: 4, seed });
      const [a, b, c] = [await run(7), await run(7), await run(8)];
      expect(a.images[0]).toMatchObject({ width: 64, height: 64 });
      expect(a.images[0]!.png.equals(b.images[0]!.png)).toBe(true);
      expect(a.images[0]!.png.equals(c.images[0]!.png)).toBe(false);
    } finally {
      await pipe.release();
    }
  });

  it("writes its measurements, a model card and a sample grid", () => {
    const metrics = JSON.parse(fs.readFileSync(path.join(modelDir, "metrics.json"), "utf8"));
    for (const set of ["seen_heldout_phrasing", "heldout_emoji"]) {
      expect(metrics[set].n).toBeGreaterThan(0);
      expect(metrics[set].top5).toBeGreaterThanOrEqual(0);
      expect(metrics[set].top5).toBeLessThanOrEqual(1);
      expect(metrics[set].ceiling_top5).toBeGreaterThanOrEqual(metrics[set].chance_top5);
    }
    expect(metrics.ldm_steps).toBeGreaterThan(0);
    const card = fs.readFileSync(path.join(modelDir, "MODEL_CARD.md"), "utf8");
    expect(card).toContain("Apache License 2.0");
    expect(card).toContain(`${metrics.ldm_steps} UNet + text-encoder steps`);
    expect(fs.readFileSync(path.join(modelDir, "samples.png")).subarray(1, 4).toString()).toBe("PNG");
  });

  it("trains a tokenizer that the product's TypeScript tokenizer reads exactly as the recipe does", async () => {
    const out = path.join(dir, "fixtures");
    const run = await recipePython(["fixtures.py", path.join(modelDir, "tokenizer"), out]);
    expect(run.code, run.output).toBe(0);
    const fixtures = JSON.parse(fs.readFileSync(path.join(out, "tokenizer.json"), "utf8")) as { max_length: number; cases: { text: string; ids: number[] }[] };
    const tok = ClipTokenizer.load(path.join(modelDir, "tokenizer"));
    expect(tok.maxLength).toBe(fixtures.max_length);
    expect(fixtures.cases.length).toBeGreaterThan(10);
    for (const c of fixtures.cases) expect(tok.encode(c.text), JSON.stringify(c.text)).toEqual(c.ids);
  });
});

/** What the training captions say, read from the real font and CLDR data. */
describe("the recipe's training data", () => {
  const script = `
import json, random, data
items = {it["name"]: it for it in data.build(size=8)}
rng = random.Random(0)
captions = lambda name: [data.train_caption(items[name], rng) for _ in range(400)]
print(json.dumps({
    "names": {n: items[n]["names"] for n in ("flag: United States", "flag: France", "flag: Spain", "flag: Norway") if n in items},
    "korea": captions("flag: South Korea"),
    "usa": captions("flag: United States"),
    "weights": [data.sample_weight(items[n], 0.25, 3.0) for n in ("flag: Japan", "red heart", "thumbs up: dark skin tone")],
}))`;
  let facts: { names: Record<string, string[]>; korea: string[]; usa: string[]; weights: number[] };

  beforeAll(async () => {
    requireRecipePrerequisites();
    const run = await recipePython(["-c", script]);
    expect(run.code, run.output.slice(-4000)).toBe(0);
    facts = JSON.parse(run.output.trim().split("\n").at(-1)!);
  }, 120_000);

  it("names a flag the font shares with a territory after its country, and trains on both names", () => {
    expect(facts.names["flag: United States"]).toEqual(expect.arrayContaining(["flag: United States", "flag: U.S. Outlying Islands"]));
    expect(facts.names["flag: France"]).toEqual(expect.arrayContaining(["flag: France", "flag: Clipperton Island"]));
    expect(facts.names["flag: Spain"]).toContain("flag: Ceuta & Melilla");
    expect(facts.names["flag: Norway"]).toContain("flag: Bouvet Island");
    expect(facts.usa.some((c) => c.startsWith("flag: u.s. outlying islands"))).toBe(true);
    expect(facts.usa.some((c) => /^(flag of (usa|america|us)|(usa|america|us) flag)\b/.test(c))).toBe(true);
  });

  it("calls South Korea plain 'korea' in a good share of its captions, as people do", () => {
    const plain = facts.korea.filter((c) => /\bkorea\b/.test(c) && !/\bsouth\b/.test(c));
    expect(plain.length / facts.korea.length).toBeGreaterThan(0.3);
    expect(facts.korea.some((c) => c.includes("south korea"))).toBe(true);
  });

  it("draws flags and skin-tone variants at their own rates", () => {
    expect(facts.weights).toEqual([3, 1, 0.25]);
  });
});
