import "@fontsource/inter/400-italic.css";
import "@fontsource/inter/700-italic.css";
import "@fontsource/playfair-display/400.css";
import "@fontsource/playfair-display/700.css";
import "@fontsource/playfair-display/400-italic.css";
import "@fontsource/playfair-display/700-italic.css";
import "@fontsource/bebas-neue/400.css";
import "@fontsource/pacifico/400.css";
import "@fontsource/space-mono/400.css";
import "@fontsource/space-mono/700.css";
import "@fontsource/permanent-marker/400.css";

/** The typefaces a text layer can use: bundled with the app (SIL Open Font License), never fetched from elsewhere. */
export const FONTS = [
  { family: "Inter", fallback: "sans-serif" },
  { family: "Playfair Display", fallback: "serif" },
  { family: "Bebas Neue", fallback: "sans-serif" },
  { family: "Pacifico", fallback: "cursive" },
  { family: "Space Mono", fallback: "monospace" },
  { family: "Permanent Marker", fallback: "cursive" },
] as const;

export const DEFAULT_FONT = "Inter";

/** The CSS font stack for a family: Korean text falls back to Noto Sans KR. */
export function fontStack(family: string | undefined): string {
  const font = FONTS.find((f) => f.family === family) ?? FONTS[0];
  return `'${font.family}', 'Noto Sans KR', ${font.fallback}`;
}

/**
 * Konva measures and draws text on a canvas, which does not wait for web fonts: load every face
 * first, so that text is laid out once, in its real font. A face that fails is not waited for.
 */
export async function loadFonts(timeoutMs = 4000): Promise<void> {
  const faces = FONTS.flatMap((f) => ["400", "700", "italic 400", "italic 700"].map((v) => `${v} 16px '${f.family}'`));
  const all = Promise.allSettled(faces.map((face) => document.fonts.load(face)));
  await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs))]);
}
