/**
 * Elements: open-licence vector art (emoji) that ships with the project, served at
 * `ELEMENT_ROUTE/<id>.svg` to anyone. They are global and never change, so a canvas shows one by
 * its URL and nothing is copied; the id alone says which artwork it is, from where, under what licence.
 */
export const ELEMENT_ROUTE = "/api/elements";

export const ELEMENT_SOURCES = ["noto", "twemoji"] as const;
export type ElementSource = (typeof ELEMENT_SOURCES)[number];

export const ELEMENT_LICENSES = ["Apache-2.0", "CC-BY-4.0", "public-domain"] as const;
export type ElementLicense = (typeof ELEMENT_LICENSES)[number];

/** An emoji's code points in lower-case hex, joined by "-", without variation selector 16. */
const CODEPOINTS = "[0-9a-f]{2,6}(?:-[0-9a-f]{2,6}){0,9}";
const ELEMENT_ID = new RegExp(`^(${ELEMENT_SOURCES.join("|")})-(${CODEPOINTS})$`);
const ELEMENT_SRC = new RegExp(`^${ELEMENT_ROUTE}/((?:${ELEMENT_SOURCES.join("|")})-${CODEPOINTS})\\.svg$`);

export type ElementRef = { id: string; source: ElementSource; codepoints: string };

/** The parts of an element id such as "noto-2764", or null when it is not shaped like one. */
export function parseElementId(id: string): ElementRef | null {
  const m = ELEMENT_ID.exec(id);
  return m ? { id, source: m[1] as ElementSource, codepoints: m[2]! } : null;
}

export function elementId(source: ElementSource, codepoints: string): string {
  return `${source}-${codepoints}`;
}

/** An emoji's hex code points as element ids spell them: lower case, without VS16 ("2764-FE0F" → "2764"). */
export function normaliseCodepoints(hex: string): string {
  return hex
    .toLowerCase()
    .split("-")
    .filter((cp) => cp !== "fe0f")
    .join("-");
}

export function elementSrc(id: string): string {
  return `${ELEMENT_ROUTE}/${id}.svg`;
}

/** The element id an image source points at, or null when it is not an element's URL. */
export function elementIdFromSrc(src: string | null | undefined): string | null {
  return src ? (ELEMENT_SRC.exec(src)?.[1] ?? null) : null;
}

export function isElementSrc(src: string): boolean {
  return ELEMENT_SRC.test(src);
}

/** Flags: two regional indicators, or a black flag with tag characters (England, Scotland, Wales). */
function isFlag(codepoints: string): boolean {
  const cps = codepoints.split("-").map((h) => parseInt(h, 16));
  const regional = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
  if (cps.length === 2 && cps.every(regional)) return true;
  return cps[0] === 0x1f3f4 && cps.length > 2 && cps.slice(1).every((cp) => (cp >= 0xe0020 && cp <= 0xe007f));
}

/** Noto's artwork is Apache-2.0 but its flag images are public domain; Twemoji's artwork is CC-BY 4.0. */
export function licenseOf(ref: Pick<ElementRef, "source" | "codepoints">): ElementLicense {
  if (ref.source === "twemoji") return "CC-BY-4.0";
  return isFlag(ref.codepoints) ? "public-domain" : "Apache-2.0";
}

export type ElementCredit = { source: ElementSource; license: ElementLicense; text: string; url: string };

/** What each licence asks a product that shows the art to say. Public-domain art asks nothing. */
const CREDITS: Record<ElementSource, Partial<Record<ElementLicense, Omit<ElementCredit, "source" | "license">>>> = {
  twemoji: {
    "CC-BY-4.0": { text: "Twemoji graphics by Twitter/X and contributors, CC-BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  },
  noto: {
    "Apache-2.0": { text: "Noto Emoji by Google, licensed under the Apache License 2.0", url: "https://www.apache.org/licenses/LICENSE-2.0" },
  },
};

/** The credits the elements among `srcs` call for, one per source and licence, in a stable order. */
export function creditsFor(srcs: Iterable<string>): ElementCredit[] {
  const seen = new Map<string, ElementCredit>();
  for (const src of srcs) {
    const ref = parseElementId(elementIdFromSrc(src) ?? "");
    if (!ref) continue;
    const license = licenseOf(ref);
    const credit = CREDITS[ref.source][license];
    if (credit) seen.set(`${ref.source} ${license}`, { source: ref.source, license, ...credit });
  }
  return [...seen.values()].sort((a, b) => a.source.localeCompare(b.source));
}

/** The element srcs the visible images among `shapes` show. */
export function elementsShown(shapes: readonly { type: string; hidden: boolean; src?: string }[]): Set<string> {
  const srcs = new Set<string>();
  for (const s of shapes) if (s.type === "image" && !s.hidden && s.src && isElementSrc(s.src)) srcs.add(s.src);
  return srcs;
}
