import * as ort from "onnxruntime-node";
import sharp from "sharp";
import { createSession, type InferenceDevice, type ProviderName } from "../diffusion/providers";
import { AbortedError } from "../diffusion/pipeline";
import { readPrintReadyModel, type PrintReadyModel } from "./printReadyModel";
import { keepSubjectWhite } from "./subjectWhite";
import { planTiles } from "./tiles";

/** Inputs larger than this on a side are refused: 16× of it is already a 4096 px print. */
export const MAX_INPUT_SIDE = 256;

export type PrintReadyImage = { png: Buffer; width: number; height: number };

export type UpscaleOptions = {
  /** Called after every tile. */
  onTile?: (done: number, total: number) => void | Promise<void>;
  signal?: AbortSignal;
};

export class InputTooLargeError extends Error {
  constructor(width: number, height: number) {
    super(`A ${width} × ${height} image is already large enough to print; the network takes at most ${MAX_INPUT_SIDE} px a side.`);
    this.name = "InputTooLargeError";
  }
}

/**
 * The print-ready network over any image: flattened on white (what the network learnt from),
 * cut into tiles with enough context that the stitched result equals one pass, each tile run on
 * its own so memory stays bounded by the tile; the subject's white kept opaque (keepSubjectWhite);
 * then written as an RGBA PNG.
 */
export class PrintReadyUpscaler {
  private constructor(readonly model: PrintReadyModel, readonly provider: ProviderName, private readonly session: ort.InferenceSession) {}

  static async load(dir?: string, device: InferenceDevice = "auto", log: (m: string) => void = () => {}): Promise<PrintReadyUpscaler> {
    const model = readPrintReadyModel(dir);
    const { session, provider } = await createSession(model.file, device, log);
    log(`[print-ready] ${model.name} (${model.hash}) on ${provider}`);
    return new PrintReadyUpscaler(model, provider, session);
  }

  /** How many tiles an image of this size takes (the progress total). */
  tileCount(width: number, height: number): number {
    return planTiles(width, height, this.model.tile, this.model.tileMargin).length;
  }

  async upscale(image: Buffer, options: UpscaleOptions = {}): Promise<PrintReadyImage> {
    const { data, info } = await sharp(image).flatten({ background: "#ffffff" }).removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
    const { width, height } = info;
    if (width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE) throw new InputTooLargeError(width, height);
    const s = this.model.scale;
    const outW = width * s;
    const outH = height * s;
    const out = Buffer.alloc(outW * outH * 4);
    const tiles = planTiles(width, height, this.model.tile, this.model.tileMargin);
    for (const [index, t] of tiles.entries()) {
      if (options.signal?.aborted) throw new AbortedError();
      const input = new Float32Array(3 * t.readWidth * t.readHeight);
      const plane = t.readWidth * t.readHeight;
      for (let y = 0; y < t.readHeight; y++) {
        for (let x = 0; x < t.readWidth; x++) {
          const src = ((t.readY + y) * width + (t.readX + x)) * 3;
          const dst = y * t.readWidth + x;
          input[dst] = data[src]! / 255;
          input[plane + dst] = data[src + 1]! / 255;
          input[2 * plane + dst] = data[src + 2]! / 255;
        }
      }
      const feeds = { image: new ort.Tensor("float32", input, [1, 3, t.readHeight, t.readWidth]) };
      const result = await this.session.run(feeds);
      const rgba = result.rgba!;
      const pixels = rgba.data as Float32Array;
      const rw = t.readWidth * s;
      const rplane = rw * t.readHeight * s;
      const offX = (t.x - t.readX) * s;
      const offY = (t.y - t.readY) * s;
      for (let y = 0; y < t.height * s; y++) {
        for (let x = 0; x < t.width * s; x++) {
          const src = (offY + y) * rw + (offX + x);
          const dst = ((t.y * s + y) * outW + (t.x * s + x)) * 4;
          for (let c = 0; c < 4; c++) out[dst + c] = Math.round(Math.min(1, Math.max(0, pixels[c * rplane + src]!)) * 255);
        }
      }
      rgba.dispose();
      await options.onTile?.(index + 1, tiles.length);
    }
    keepSubjectWhite(out, data, width, height, s);
    const png = await sharp(out, { raw: { width: outW, height: outH, channels: 4 } }).png({ compressionLevel: 6 }).toBuffer();
    return { png, width: outW, height: outH };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
