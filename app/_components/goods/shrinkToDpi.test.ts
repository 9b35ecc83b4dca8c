import { describe, expect, it } from "vitest";
import type { PrintArea } from "@/domain/catalog/catalog";
import { effectiveDpi } from "@/domain/design/artboard";
import { shapeBounds } from "@/domain/design/shapeBounds";
import { makeShape } from "../editor/store/shapeTypes";
import { shrinkToDpi } from "./shrinkToDpi";

const front: PrintArea = { id: "tee-front", name: "Front", widthMm: 304.8, heightMm: 406.4, dpi: 150, safeMarginMm: 12.7, bleedMm: 0 };
const centre = (b: { x: number; y: number; width: number; height: number }) => [b.x + b.width / 2, b.y + b.height / 2];

describe("shrinking an image to its print DPI", () => {
  it("prints it at exactly the DPI asked, about the same centre, turned or not", () => {
    for (const rotation of [0, 35]) {
      const img = makeShape("image", { x: 150, y: 200 }, { width: 600, height: 400, rotation, src: "/api/assets/00000000-0000-4000-8000-000000000001" });
      const size = { width: 600, height: 400 };
      const fixed = shrinkToDpi(img, front, size, 150)!;
      expect(effectiveDpi(size, fixed, front)).toBeCloseTo(150, 6);
      const [a, b] = [centre(shapeBounds(img)), centre(shapeBounds({ ...img, ...fixed }))];
      expect(b[0]).toBeCloseTo(a[0]!, 6);
      expect(b[1]).toBeCloseTo(a[1]!, 6);
      expect(shrinkToDpi({ ...img, ...fixed }, front, size, 150)).toBeNull();
    }
  });
});
