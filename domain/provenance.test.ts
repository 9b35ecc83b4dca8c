import { describe, expect, it } from "vitest";
import { GUIDANCE_MAX, STEPS_MAX } from "./generationParams";
import { isGenerated, parseProvenance, type AssetProvenance } from "./provenance";

const generated: AssetProvenance = {
  generationId: "5b0c6f3e-2f7b-4a53-9d43-8f3f0c1c2a10",
  prompt: "red heart",
  negativePrompt: "",
  seed: 4294967295,
  steps: 20,
  guidance: 4,
  scheduler: "ddim",
  width: 64,
  height: 64,
  model: "merchboard-emoji",
  modelHash: "07ded82accadd552",
  provider: "cpu",
  durationMs: 119,
};
const printReady = { network: "merchboard-print-ready", networkHash: "0123456789abcdef", scale: 16, cutout: true as const, sourceWidth: 64, sourceHeight: 64, provider: "cpu", durationMs: 900 };

describe("provenance", () => {
  it("accepts what the worker writes: a generation's, with or without a print-ready record", () => {
    expect(parseProvenance(generated)).toEqual(generated);
    expect(parseProvenance({ ...generated, printReady })).toEqual({ ...generated, printReady });
  });

  it("accepts an uploaded image made print-ready, which has no generation settings", () => {
    const upload = { generationId: generated.generationId, prompt: "", negativePrompt: "", seed: 0, steps: 0, guidance: 0, scheduler: "", width: 0, height: 0, model: "", modelHash: "", provider: "", durationMs: 0, printReady: { ...printReady, sourceAssetId: generated.generationId } };
    expect(parseProvenance(upload)).toEqual(upload);
    expect(isGenerated(upload)).toBe(false);
    expect(isGenerated(generated)).toBe(true);
  });

  it("holds what a client writes to the limits a request has", () => {
    expect(parseProvenance({ ...generated, steps: STEPS_MAX + 1 })).toBeNull();
    expect(parseProvenance({ ...generated, guidance: GUIDANCE_MAX + 1 })).toBeNull();
    expect(parseProvenance({ ...generated, seed: -1 })).toBeNull();
    expect(parseProvenance({ ...generated, prompt: "x".repeat(1001) })).toBeNull();
    expect(parseProvenance({ ...generated, printReady: { ...printReady, cutout: false } })).toBeNull();
    expect(parseProvenance("red heart")).toBeNull();
  });
});
