import { describe, expect, it } from "vitest";
import type { ModelOptions } from "@/domain/generationParams";
import { sizeForAspect } from "./sizes";

const model = (range: { min: number; max: number; step: number }, side = 512): ModelOptions => ({
  name: "m",
  width: side,
  height: side,
  widths: range,
  heights: range,
  defaults: { steps: 20, guidance: 7, scheduler: "ddim" },
  schedulers: ["ddim"],
  limits: { prompt: 300, steps: 100, guidance: 30, count: 4, seed: 2 ** 31 },
});

describe("the size proposed for a print area", () => {
  it("follows the area's shape on the model's step, the longer side at the model's", () => {
    const sd = model({ min: 256, max: 768, step: 64 });
    expect(sizeForAspect(sd, 304.8 / 406.4)).toBe("384×512"); // a tee front, 3:4
    expect(sizeForAspect(sd, 228.6 / 88.9)).toBe("512×256"); // the mug's wrap, clamped to the smallest height
    expect(sizeForAspect(sd, 1)).toBe("512×512");
  });

  it("proposes nothing for a model that makes one size only", () => {
    expect(sizeForAspect(model({ min: 64, max: 64, step: 64 }, 64), 0.75)).toBeNull();
  });
});
