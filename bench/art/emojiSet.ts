import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

export type RgbaPixels = { data: Buffer; width: number; height: number };

/**
 * Writes one split of the diffusion recipe's emoji into dir (<i>-input.png, 64 px on white, and
 * <i>.svg) through the Python data step, and returns their names in order.
 */
export function writeEmojiSet(dir: string, split: "heldout" | "train", limit: number): string[] {
  const script = path.join(import.meta.dirname, "emoji_svgs.py");
  const args = [script, dir, "--split", split, ...(limit ? ["--limit", String(limit)] : [])];
  const py = spawnSync("/usr/bin/python3", args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (py.status !== 0) throw new Error(`the emoji data step failed:\n${py.stderr.slice(-3000)}`);
  return (JSON.parse(py.stdout.trim().split("\n").at(-1)!) as { names: string[] }).names;
}

/** Straight RGBA bytes of an encoded image. */
export async function decodeRgba(image: Buffer): Promise<RgbaPixels> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export function readSvg(dir: string, i: number): string {
  return fs.readFileSync(path.join(dir, `${i}.svg`), "utf8");
}

export function readInput(dir: string, i: number): Buffer {
  return fs.readFileSync(path.join(dir, `${i}-input.png`));
}
