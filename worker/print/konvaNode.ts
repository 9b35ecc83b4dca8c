import { readdirSync } from "node:fs";
import path from "node:path";
import { createCanvas, GlobalFonts, Image } from "@napi-rs/canvas";
import Konva from "konva";
import { FALLBACK_FONT, FONTS } from "@/domain/design/fonts";
import { projectRoot } from "@/db/projectRoot";

let ready = false;

/**
 * Konva drawing in Node: its canvases and images come from @napi-rs/canvas (Skia), and the same
 * font files the browser loads are registered under the same family names, so text lays out as
 * it does in the editor. Only the weights and styles the editor offers (400, 700, each italic).
 */
export function konvaForNode(): typeof Konva {
  if (ready) return Konva;
  Konva.Util.createCanvasElement = () => Object.assign(createCanvas(1, 1), { style: {} }) as unknown as HTMLCanvasElement;
  Konva.Util.createImageElement = () => new Image() as unknown as HTMLImageElement;
  for (const font of [...FONTS, FALLBACK_FONT]) {
    const dir = path.join(projectRoot(), "node_modules", "@fontsource", font.pkg, "files");
    for (const file of readdirSync(dir)) {
      if (file.endsWith(".woff2") && /-(400|700)-(normal|italic)\.woff2$/.test(file)) GlobalFonts.registerFromPath(path.join(dir, file), font.family);
    }
  }
  ready = true;
  return Konva;
}
