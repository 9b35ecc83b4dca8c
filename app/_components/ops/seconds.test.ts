import { describe, expect, it } from "vitest";
import { seconds } from "./seconds";

describe("seconds", () => {
  it("reads as people say durations, from milliseconds to hours, and a dash when unknown", () => {
    expect(seconds(0.3404)).toBe("340 ms");
    expect(seconds(2.44)).toBe("2.4 s");
    expect(seconds(42.6)).toBe("43 s");
    expect(seconds(185)).toBe("3 min 5 s");
    expect(seconds(7800)).toBe("2 h 10 min");
    expect(seconds(null)).toBe("—");
    expect(seconds(Number.NaN)).toBe("—");
  });
});
