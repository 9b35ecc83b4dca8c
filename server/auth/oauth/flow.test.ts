import { describe, expect, it } from "vitest";
import { safeNextPath } from "./flow";

const APP = "https://merch.example";

describe("where sign-in goes next", () => {
  it("keeps a path on our own origin, with its query and fragment", () => {
    expect(safeNextPath("/invite/abc?x=1#top", APP)).toBe("/invite/abc?x=1#top");
    expect(safeNextPath("/canvas/1/../2", APP)).toBe("/canvas/2");
  });

  it("refuses every way of naming another host, as a browser would read it", () => {
    for (const next of ["//evil.com", "/\\evil.com", "/\t/evil.com", "/\n/evil.com", "/\\/evil.com", "/.//evil.com", "https://evil.com", "evil.com", "javascript:alert(1)", "", null]) {
      expect(safeNextPath(next, APP), JSON.stringify(next)).toBe("/dashboard");
    }
  });
});
