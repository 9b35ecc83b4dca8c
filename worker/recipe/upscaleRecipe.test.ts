import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrintReadyUpscaler } from "@/worker/printReady/printReadyUpscaler";
import { recipePython, requireRecipePrerequisites } from "./prerequisites";


/** The print-ready network's recipe end to end on a few emoji (`--smoke`): renders, training, export, evaluation, card. */
describe("the print-ready recipe, in smoke mode", () => {
  let dir: string;
  let modelDir: string;

  beforeAll(async () => {
    requireRecipePrerequisites();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "upscale-recipe-"));
    const run = await recipePython(["upscale_run.py", "--smoke", "--work", path.join(dir, "work"), "--out", path.join(dir, "model")]);
    expect(run.code, run.output.slice(-4000)).toBe(0);
    modelDir = path.join(dir, "model-smoke");
  }, 15 * 60_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exports a network that the worker's upscaler runs: 64 px on white in, 1024 px RGBA out", async () => {
    const net = await PrintReadyUpscaler.load(modelDir, "cpu");
    try {
      const input = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#ffffff" } })
        .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="20" fill="#e03131"/></svg>') }])
        .png()
        .toBuffer();
      const out = await net.upscale(input);
      expect(await sharp(out.png).metadata()).toMatchObject({ width: 1024, height: 1024, channels: 4 });
      expect(net.model).toMatchObject({ name: "merchboard-print-ready", scale: 16, tile: 64 });
      expect(net.model.hash).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      await net.release();
    }
  });

  it("trains on none of the emoji the diffusion model holds out, and reports on exactly those", async () => {
    const check = `
import json, pickle, sys
items = pickle.load(open(sys.argv[1], "rb"))
m = json.load(open(sys.argv[2]))
print(json.dumps({"splits": sorted({i["split"] for i in items}), "heldout": sum(i["split"] == "heldout" for i in items), "n": m["n"], "n_train": m["n_train"]}))`;
    const run = await recipePython(["-c", check, path.join(dir, "work-smoke", "items.pkl"), path.join(modelDir, "metrics.json")]);
    expect(run.code, run.output).toBe(0);
    const facts = JSON.parse(run.output.trim().split("\n").at(-1)!);
    expect(facts.splits).toEqual(["heldout", "train"]);
    expect(facts.n).toBe(facts.heldout);
    expect(facts.n_train + facts.heldout).toBeGreaterThan(facts.heldout);
  });

  it("writes its measurements against Lanczos and bicubic and a model card with its phases", () => {
    const metrics = JSON.parse(fs.readFileSync(path.join(modelDir, "metrics.json"), "utf8"));
    for (const set of ["heldout_clean", "heldout_autoencoded"]) {
      for (const key of ["ours256", "lanczos256", "bicubic256", "ours1024", "lanczos1024", "iou_ours", "iou_baseline"]) expect(Number.isFinite(metrics[set][key]), key).toBe(true);
    }
    expect(metrics.steps).toBeGreaterThan(0);
    expect(metrics.phases[0]).toMatchObject({ from_step: 0, batch: 16, crop: 24 });
    const card = fs.readFileSync(path.join(modelDir, "MODEL_CARD.md"), "utf8");
    expect(card).toContain("Apache License 2.0");
    expect(card).toContain(`${metrics.steps.toLocaleString("en-US")} steps`);
  });
});
