import sharp from "sharp";
import type { Db } from "@/db/client";
import type { PrintOutput } from "@/domain/generationView";
import type { PrintReadyProvenance } from "@/domain/provenance";
import type { Storage } from "@/server/storage/storage";
import type { InferenceDevice } from "../diffusion/providers";
import { loadPrintReady } from "../printReady/printReadyCache";
import { traceImage } from "../vector/traceImage";
import { InputTooLargeError, type PrintReadyUpscaler } from "../printReady/printReadyUpscaler";
import { failGeneration, reportProgress, type GenerationRow } from "./generationRun";
import { completePrintReady, readPrintReadySource } from "./printReadyRun";

const TRACER = "vtracer";

async function traceUpscaled(png: Buffer, colors: number | undefined, signal: AbortSignal) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return traceImage({ data, width: info.width, height: info.height }, { colors, signal });
}

export type PrintReadyDeps = { db: Db; storage: Storage; device: InferenceDevice; log: (m: string) => void };

/** How the print-ready result is shaped: a raster, or that raster traced to `colors` colours (automatic when absent). */
export type PrintReadyShape = { output: PrintOutput; colors?: number };

/** Upscales one image (then traces it, for a vector) and says how, for its provenance. `image` is a PNG or an SVG. */
export async function runPrintReady(
  upscaler: PrintReadyUpscaler,
  png: Buffer,
  options: { signal: AbortSignal; onTile?: (done: number, total: number) => Promise<void> } & Partial<PrintReadyShape>,
): Promise<{ image: Buffer; width: number; height: number; printReady: Omit<PrintReadyProvenance, "sourceAssetId"> }> {
  const started = performance.now();
  const out = await upscaler.upscale(png, options);
  const scale = upscaler.model.scale;
  const traced = options.output === "vector" ? await traceUpscaled(out.png, options.colors, options.signal) : null;
  return {
    image: traced ? Buffer.from(traced.svg) : out.png,
    width: out.width,
    height: out.height,
    printReady: {
      ...(traced ? { vector: { colors: traced.colors, paths: traced.paths, tracer: TRACER } } : {}),
      network: upscaler.model.name,
      networkHash: upscaler.model.hash,
      scale,
      cutout: true,
      sourceWidth: out.width / scale,
      sourceHeight: out.height / scale,
      provider: upscaler.provider,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

/**
 * A "make print-ready" request: the source image through the network, stored as a new asset that
 * replaces the canvas object. A missing source or an image too large fails the request with a
 * reason everyone sees; an abort (cancel, stop) propagates to the caller like a generation's.
 */
export async function makePrintReady(deps: PrintReadyDeps, row: GenerationRow, signal: AbortSignal, onSuperseded: () => void): Promise<void> {
  const { db, storage, device, log } = deps;
  const source = await readPrintReadySource(db, storage, row);
  if (!source) {
    log(`[print-ready] ${row.id}: the source image is gone`);
    await failGeneration(db, row, "sourceGone");
    return;
  }
  let upscaler;
  try {
    upscaler = await loadPrintReady(device, log);
  } catch (e) {
    log(`[print-ready] ${row.id}: the network could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    await failGeneration(db, row, "modelUnavailable");
    return;
  }
  let result;
  try {
    result = await runPrintReady(upscaler, source.png, {
      signal,
      output: row.output,
      colors: row.colors ?? undefined,
      onTile: async (done, total) => {
        if (!(await reportProgress(db, row, done, total))) onSuperseded();
      },
    });
  } catch (e) {
    if (e instanceof InputTooLargeError) {
      log(`[print-ready] ${row.id}: ${e.message}`);
      await failGeneration(db, row, "failed");
      return;
    }
    throw e;
  }
  const kept = await completePrintReady(db, storage, row, source, { image: result.image, printReady: { ...result.printReady, sourceAssetId: source.id } });
  log(`[print-ready] ${row.id}: ${kept ? `${result.width} × ${result.height}${result.printReady.vector ? ` traced to ${result.printReady.vector.colors} colours` : ""} in ${result.printReady.durationMs} ms on ${result.printReady.provider}` : "canceled at the end"}`);
}
