import { describe, expect, it } from "vitest";
import { sanitizeSvg, SVG_LIMITS, SvgRefusedError } from "./sanitizeSvg";

const refusal = (text: string) => {
  try {
    sanitizeSvg(text);
  } catch (e) {
    if (e instanceof SvgRefusedError) return e.message;
    throw e;
  }
  throw new Error("accepted");
};

describe("sanitizeSvg", () => {
  it("keeps drawing, normalises colours and reports spot inks and size", () => {
    const out = sanitizeSvg(
      `<?xml version="1.0"?><!-- art --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><g fill="#DD2E44"><path d="M0 0h10v10z"/><circle cx="5" cy="5" r="2" style="fill: rgb(255,255,255)"/></g><rect width="3" height="3"/></svg>`,
    );
    expect(out).toMatchObject({ width: 36, height: 36, paths: 3, inks: ["#000000", "#dd2e44", "#ffffff"] });
    expect(out.svg).toContain('<g fill="#dd2e44"><path d="M0 0h10v10z"/><circle cx="5" cy="5" r="2" fill="#ffffff"/></g>');
    expect(out.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* viewBox="0 0 36 36" width="36" height="36">/);
  });

  it("drops scripts, styles, handlers, images, text and every external reference", () => {
    const out = sanitizeSvg(
      `<svg width="20" height="10"><script>alert(1)</script><style>path{fill:url(http://x)}</style>` +
        `<path d="M0 0h1v1z" onload="alert(1)" fill="url(https://evil.example/p.svg#g)" class="a"/>` +
        `<image href="https://evil.example/x.png" width="9" height="9"/><text>hi</text>` +
        `<use href="https://evil.example/s.svg#a"/><use xlink:href="#local"/>` +
        `<a href="javascript:alert(1)"><path d="M1 1h1v1z"/></a>` +
        `<path d="M2 2h1v1z" style="behavior:url(x.htc);fill:red" transform="url(x)"/>` +
        `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`,
    );
    expect(out.svg).not.toMatch(/script|style=|onload|http(?!:\/\/www\.w3\.org)|image|text|javascript|class=|foreignObject|url\(x/i);
    expect(out.svg).toContain('<use href="#local"/>');
    expect(out.svg).toContain('<path d="M2 2h1v1z" fill="#ff0000"/>');
    expect(out).toMatchObject({ width: 20, height: 10, paths: 2 });
  });

  it("says when the art cannot be separated into spot inks", () => {
    const gradient = `<svg viewBox="0 0 4 4"><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient><path d="M0 0h4v4z" fill="url(#g)"/></svg>`;
    expect(sanitizeSvg(gradient).inks).toBeNull();
    expect(sanitizeSvg(`<svg viewBox="0 0 4 4"><path d="M0 0h4v4z" fill="#000" opacity=".2"/></svg>`).inks).toBeNull();
    const clipped = `<svg viewBox="0 0 4 4"><clipPath id="c"><path d="M0 0h2v2z"/></clipPath><path d="M0 0h4v4z" fill="#00f" clip-path="url(#c)"/></svg>`;
    expect(sanitizeSvg(clipped).inks).toEqual(["#0000ff"]);
  });

  it("gives a huge viewBox a workable pixel size", () => {
    expect(sanitizeSvg(`<svg viewBox="0 0 24000 16000"><path d="M0 0h9v9z"/></svg>`)).toMatchObject({ width: 4096, height: 2730.67 });
  });

  it("refuses what is not a whole, bounded SVG", () => {
    expect(refusal(`<!DOCTYPE svg [<!ENTITY big "x">]><svg viewBox="0 0 1 1"><path d="M0 0"/></svg>`)).toMatch(/type definitions/);
    expect(refusal(`<html><svg viewBox="0 0 1 1"/></html>`)).toMatch(/not an SVG/);
    expect(refusal(`<svg viewBox="0 0 1 1"><path d="M0 0"/>`)).toMatch(/incomplete/);
    expect(refusal(`<svg viewBox="0 0 1 1"><g><path d="M0 0"/></svg></g>`)).toMatch(/balanced/);
    expect(refusal(`<svg viewBox="0 0 1 1"><path d="M0 0"/></svg><svg/>`)).toMatch(/after its root/);
    expect(refusal(`<svg><path d="M0 0"/></svg>`)).toMatch(/no size/);
    expect(refusal(`<svg width="99999" height="2"><path d="M0 0"/></svg>`)).toMatch(/outside/);
    expect(refusal(`<svg viewBox="0 0 1 1"><g/></svg>`)).toMatch(/draws nothing/);
    expect(refusal(`<svg viewBox="0 0 1 1"><path d="M0 0" fill="&bogus;"/></svg>`)).toMatch(/cannot be read/);
    expect(refusal(`<svg viewBox="0 0 1 1">${"<g>".repeat(SVG_LIMITS.depth + 1)}`)).toMatch(/nests deeper/);
    expect(refusal(`<svg viewBox="0 0 1 1">${"<path d='M0 0'/>".repeat(SVG_LIMITS.elements + 1)}</svg>`)).toMatch(/more than/);
    expect(refusal(`<svg viewBox="0 0 1 1"><path d="${"M0 0".repeat(SVG_LIMITS.bytes / 4)}"/></svg>`)).toMatch(/larger than/);
  });
});
