import { describe, expect, it } from "vitest";
import { planTiles } from "./tiles";

describe("planTiles", () => {
  it("covers every pixel exactly once, and reads each tile with its margin clipped to the image", () => {
    const tiles = planTiles(150, 70, 64, 12);
    const hits = new Uint8Array(150 * 70);
    for (const t of tiles) {
      for (let y = t.y; y < t.y + t.height; y++) for (let x = t.x; x < t.x + t.width; x++) hits[y * 150 + x]!++;
      expect(t.readX).toBe(Math.max(0, t.x - 12));
      expect(t.readX + t.readWidth).toBe(Math.min(150, t.x + t.width + 12));
      expect(t.readY + t.readHeight).toBe(Math.min(70, t.y + t.height + 12));
    }
    expect(tiles).toHaveLength(6);
    expect(hits.every((h) => h === 1)).toBe(true);
  });

  it("is one tile reading the whole image when the image fits", () => {
    expect(planTiles(64, 64, 64, 12)).toEqual([{ x: 0, y: 0, width: 64, height: 64, readX: 0, readY: 0, readWidth: 64, readHeight: 64 }]);
  });
});
