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

import { FONTS } from "@/domain/design/fonts";

export { DEFAULT_FONT, FONTS, fontStack } from "@/domain/design/fonts";

/**
 * Konva measures and draws text on a canvas, which does not wait for web fonts: load every face
 * first, so that text is laid out once, in its real font. A face that fails is not waited for.
 */
export async function loadFonts(timeoutMs = 4000): Promise<void> {
  const faces = FONTS.flatMap((f) => ["400", "700", "italic 400", "italic 700"].map((v) => `${v} 16px '${f.family}'`));
  const all = Promise.allSettled(faces.map((face) => document.fonts.load(face)));
  await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs))]);
}
