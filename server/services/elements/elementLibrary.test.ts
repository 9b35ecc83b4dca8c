import { describe, expect, it } from "vitest";
import { creditsFor, elementSrc, licenseOf, parseElementId } from "@/domain/elements/elementSource";
import { handleElementRequest } from "@/server/http/elementHandler";
import { getElement, hasElement, readElementSvg, searchElements } from "./elementLibrary";

const ids = (query: string, locale?: "en" | "ko") => searchElements({ query, locale, limit: 100 }).map((e) => e.id);

describe("the elements library", () => {
  it("finds the red heart by an English and by a Korean word, with its source and licence, named in the asked locale", () => {
    const en = searchElements({ query: "heart", limit: 10 });
    expect(en[0]).toMatchObject({ id: "noto-2764", name: "red heart", source: "noto", license: "Apache-2.0", url: "/api/elements/noto-2764.svg" });
    expect(en[1]).toMatchObject({ id: "twemoji-2764", source: "twemoji", license: "CC-BY-4.0" });
    const ko = searchElements({ query: "하트", locale: "ko", limit: 20 });
    expect(ko.find((e) => e.id === "noto-2764")).toMatchObject({ name: "빨간색 하트", license: "Apache-2.0" });
    expect(ko.every((e) => /하트/.test(e.name))).toBe(true);
    // Either language finds it whatever the locale its names are given in.
    expect(searchElements({ query: "하트", locale: "en", limit: 20 }).some((e) => e.name === "red heart")).toBe(true);
  });

  it("ranks an exact name over a name that starts with the word, over a keyword, over a substring", () => {
    expect(ids("cat").slice(0, 2)).toEqual(["noto-1f408", "twemoji-1f408"]); // exact name "cat"
    expect(ids("고양이").slice(0, 2)).toEqual(["noto-1f408", "twemoji-1f408"]); // exact Korean name
    const heart = ids("heart");
    expect(heart.indexOf("noto-2764")).toBeLessThan(heart.indexOf("noto-1f60d")); // "red heart" before "…heart-eyes"
    expect(ids("flag south korea").slice(0, 1)).toEqual(["noto-1f1f0-1f1f7"]); // every word matches
    expect(ids("zzzzqqq")).toEqual([]);
  });

  it("gives a popular set for an empty query, honours the limit and the source", () => {
    expect(searchElements({ query: "", limit: 2 }).map((e) => e.id)).toEqual(["noto-2764", "twemoji-2764"]);
    const twemoji = searchElements({ query: "star", source: "twemoji", limit: 5 });
    expect(twemoji).toHaveLength(5);
    expect(twemoji.every((e) => e.source === "twemoji" && e.license === "CC-BY-4.0")).toBe(true);
  });

  it("knows which ids exist: a well-formed id of art no source ships is not an element", () => {
    expect(hasElement("noto-2764")).toBe(true);
    expect(hasElement("twemoji-1f1f0-1f1f7")).toBe(true);
    expect(hasElement("noto-10fff0")).toBe(false);
    expect(hasElement("blob-2764")).toBe(false);
    expect(hasElement("noto-2764-fe0f")).toBe(false); // ids are spelled without VS16
    // Noto's one flag drawn inside a <switch> survives sanitising too.
    expect(hasElement("noto-1f1e6-1f1f8")).toBe(true);
    expect(getElement("noto-1f1f0-1f1f7", "ko")).toMatchObject({ license: "public-domain", name: "깃발: 대한민국" });
  });

  it("licenses Noto's art Apache-2.0 (its flags public domain) and Twemoji's CC-BY 4.0, and credits what each asks", () => {
    expect(licenseOf(parseElementId("noto-1f600")!)).toBe("Apache-2.0");
    expect(licenseOf(parseElementId("noto-1f3f4-e0067-e0062-e0065-e006e-e0067-e007f")!)).toBe("public-domain");
    const credits = creditsFor([elementSrc("twemoji-2764"), elementSrc("twemoji-2b50"), elementSrc("noto-1f1f0-1f1f7"), "/api/assets/0a1b2c3d-0000-4000-8000-00000000000a"]);
    expect(credits).toEqual([{ source: "twemoji", license: "CC-BY-4.0", text: "Twemoji graphics by Twitter/X and contributors, CC-BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" }]);
    expect(creditsFor([elementSrc("noto-2764")]).map((c) => c.license)).toEqual(["Apache-2.0"]);
  });
});

describe("GET /api/elements/<id>.svg", () => {
  const get = (file: string, headers: Record<string, string> = {}) => handleElementRequest(new Request(`http://localhost/api/elements/${file}`, { headers }), file);

  it("serves the sanitised SVG, cached for long, as an image that can run nothing", async () => {
    const res = await get("noto-2764.svg");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(res.headers.get("content-security-policy")).not.toMatch(/script-src/);
    expect(res.headers.get("cache-control")).toMatch(/public, max-age=31536000, immutable/);
    const body = await res.text();
    expect(body.startsWith("<svg")).toBe(true);
    expect(body).toContain('fill="#f44336"'); // Noto's red, read out of its style attribute
    expect(body).not.toMatch(/<script|<style|on\w+=|href="http|<image/i);
    expect(body).toBe((await readElementSvg("noto-2764"))!.svg);
    const again = await get("noto-2764.svg", { "if-none-match": res.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("answers 404 for unknown ids and anything else", async () => {
    for (const file of ["noto-10fff0.svg", "noto-2764", "blob-2764.svg", "..%2F..%2Fpackage.json", "twemoji-2764.png"]) {
      expect((await get(file)).status, file).toBe(404);
    }
  });
});
