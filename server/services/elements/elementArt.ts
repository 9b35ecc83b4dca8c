import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "@/db/projectRoot";
import { normaliseCodepoints, type ElementSource } from "@/domain/elements/elementSource";

/** Where one element's artwork lies in the installed packages, and its drawing's proportions. */
export type ArtEntry = { file: string; start: number; end: number; width: number; height: number };

/** Every artwork each source ships, by normalised code points. */
export type ArtIndex = Record<ElementSource, Map<string, ArtEntry>>;

const packageDir = (...parts: string[]) => path.join(projectRoot(), "node_modules", ...parts);

/**
 * Noto's artwork is one sprite of `<svg id="<code points>">` documents inside a root `<svg>`.
 * Only where each one starts and ends is kept (the sprite is 27 MB); one flag nests an `<svg>`
 * without an id, so an entry runs to the next entry with an id, and the last to the root's end.
 */
function notoIndex(): Map<string, ArtEntry> {
  const file = packageDir("@svgmoji", "noto", "sprites", "all.svg");
  // Searched as bytes: decoding the whole 27 MB to a string would take most of the time.
  const bytes = fs.readFileSync(file);
  const starts: { at: number; codepoints: string; box: { width: number; height: number } }[] = [];
  for (let at = bytes.indexOf("<svg"); at >= 0; at = bytes.indexOf("<svg", at + 4)) {
    const tag = bytes.toString("latin1", at, bytes.indexOf(">", at));
    const id = /\bid="([0-9A-Fa-f-]+)"/.exec(tag)?.[1];
    const box = /\bviewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(tag);
    if (id && box) starts.push({ at, codepoints: normaliseCodepoints(id), box: { width: Number(box[1]), height: Number(box[2]) } });
  }
  const rootEnd = bytes.lastIndexOf("</svg>");
  const index = new Map<string, ArtEntry>();
  starts.forEach((s, i) => index.set(s.codepoints, { file, start: s.at, end: i + 1 < starts.length ? starts[i + 1]!.at : rootEnd, ...s.box }));
  return index;
}

/** Twemoji ships one file per emoji on a 36 × 36 viewBox. */
function twemojiIndex(): Map<string, ArtEntry> {
  const dir = packageDir("@twemoji", "svg");
  const index = new Map<string, ArtEntry>();
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith(".svg")) continue;
    index.set(normaliseCodepoints(name.slice(0, -4)), { file: path.join(dir, name), start: 0, end: -1, width: 36, height: 36 });
  }
  return index;
}

export function readArtIndex(): ArtIndex {
  return { noto: notoIndex(), twemoji: twemojiIndex() };
}

/** The raw SVG text of one artwork, as its package ships it (not yet sanitised). */
export function readArtSync(entry: ArtEntry): string {
  if (entry.end < 0) return fs.readFileSync(entry.file, "utf8");
  const fd = fs.openSync(entry.file, "r");
  try {
    const bytes = Buffer.alloc(entry.end - entry.start);
    fs.readSync(fd, bytes, 0, bytes.length, entry.start);
    return bytes.toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}

export async function readArt(entry: ArtEntry): Promise<string> {
  if (entry.end < 0) return fs.promises.readFile(entry.file, "utf8");
  const handle = await fs.promises.open(entry.file, "r");
  try {
    const bytes = Buffer.alloc(entry.end - entry.start);
    await handle.read(bytes, 0, bytes.length, entry.start);
    return bytes.toString("utf8");
  } finally {
    await handle.close();
  }
}
