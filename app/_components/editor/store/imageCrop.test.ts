import { describe, expect, it } from "vitest";
import { cropPatch } from "./imageCrop";
import { makeShape } from "./shapeTypes";

describe("cropping an image", () => {
  const natural = { w: 400, h: 200 };
  const image = makeShape("image", { x: 100, y: 50 }, { width: 200, height: 100, src: "/a.png" }); // shown at half size

  it("keeps the scale: the box shrinks and moves so that what is left stays put", () => {
    const patch = cropPatch(image, natural, "x", [25, 75]);
    expect(patch.crop).toEqual({ x: 100, y: 0, width: 200, height: 200 });
    expect(patch).toMatchObject({ x: 150, y: 50, width: 100, height: 100 });
  });

  it("crops again from the current crop, one axis at a time", () => {
    const once = { ...image, ...cropPatch(image, natural, "x", [25, 75]) };
    const twice = cropPatch(once, natural, "y", [50, 100]);
    expect(twice.crop).toEqual({ x: 100, y: 100, width: 200, height: 100 });
    expect(twice).toMatchObject({ x: 150, y: 100, width: 100, height: 50 });
    // Widening back to the whole source restores the original box.
    const back = { ...once, ...twice };
    const full = { ...back, ...cropPatch(back, natural, "x", [0, 100]) };
    expect({ ...full, ...cropPatch(full, natural, "y", [0, 100]) }).toMatchObject({ x: 100, y: 50, width: 200, height: 100 });
  });

  it("moves a rotated image along its own axes, so what is left stays put on the canvas", () => {
    const turned = { ...image, rotation: 90 }; // its x axis points down the canvas
    const left = cropPatch(turned, natural, "x", [25, 100]);
    expect(left.x).toBeCloseTo(100);
    expect(left.y).toBeCloseTo(100);
    const top = cropPatch(turned, natural, "y", [50, 100]);
    expect(top.x).toBeCloseTo(50);
    expect(top.y).toBeCloseTo(50);
  });
});
