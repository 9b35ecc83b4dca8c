/**
 * The typefaces a text layer can use, with the npm package that ships their files (SIL Open Font
 * License): the browser loads them as web fonts, the print renderer registers the same files.
 */
export const FONTS = [
  { family: "Inter", fallback: "sans-serif", pkg: "inter" },
  { family: "Playfair Display", fallback: "serif", pkg: "playfair-display" },
  { family: "Bebas Neue", fallback: "sans-serif", pkg: "bebas-neue" },
  { family: "Pacifico", fallback: "cursive", pkg: "pacifico" },
  { family: "Space Mono", fallback: "monospace", pkg: "space-mono" },
  { family: "Permanent Marker", fallback: "cursive", pkg: "permanent-marker" },
] as const;

/** Korean (and any script the faces above lack) falls back to this. */
export const FALLBACK_FONT = { family: "Noto Sans KR", pkg: "noto-sans-kr" } as const;

export const DEFAULT_FONT = "Inter";

/** The CSS font stack for a family. */
export function fontStack(family: string | undefined): string {
  const font = FONTS.find((f) => f.family === family) ?? FONTS[0];
  return `'${font.family}', '${FALLBACK_FONT.family}', ${font.fallback}`;
}
