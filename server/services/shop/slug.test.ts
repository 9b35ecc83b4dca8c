import { describe, expect, it } from "vitest";
import { makeSlug } from "./slug";

describe("listing slugs", () => {
  it("keep Hangul whole, and Latin letters without accents", () => {
    expect(makeSlug("밤 부엉이 티셔츠")).toMatch(/^밤-부엉이-티셔츠-[a-z2-9]{6}$/);
    expect(makeSlug("Café Noir — Tee!")).toMatch(/^cafe-noir-tee-[a-z2-9]{6}$/);
    expect(makeSlug("고양이 Cat 2개")).toMatch(/^고양이-cat-2개-[a-z2-9]{6}$/);
  });

  it("cut long titles at 48 characters and fall back to the tail alone", () => {
    const long = makeSlug("가".repeat(60));
    expect([...long.split("-")[0]!]).toHaveLength(48);
    expect(makeSlug("🎉🎉")).toMatch(/^[a-z2-9]{6}$/);
  });
});
