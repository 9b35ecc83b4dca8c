import { describe, expect, it } from "vitest";
import { inches, sizeChartFor } from "./sizeCharts";

describe("size charts", () => {
  it("show the garment's sizes on sale, in inches to the half too", () => {
    expect(sizeChartFor("tee", ["M", "L"])!.map((r) => r.size)).toEqual(["M", "L"]);
    expect(sizeChartFor("mug", ["11 oz"])).toBeNull();
    expect([inches(51), inches(74)]).toEqual([20, 29]);
  });
});
