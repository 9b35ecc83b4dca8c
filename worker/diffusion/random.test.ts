import { describe, expect, it } from "vitest";
import { SeededNormal } from "./random";

describe("seeded normal generator", () => {
  it("repeats for a seed, differs across seeds, and is standard normal", () => {
    expect(new SeededNormal(42).fill(16)).toEqual(new SeededNormal(42).fill(16));
    expect(new SeededNormal(42).fill(16)).not.toEqual(new SeededNormal(43).fill(16));
    const xs = new SeededNormal(1).fill(200_000);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });
});
