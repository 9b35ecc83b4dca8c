import type { Task } from "graphile-worker";
import sharp from "sharp";
import type { Db } from "@/db/client";
import type { SchedulerName } from "@/domain/generationParams";
import { jobSchemas } from "@/server/jobs/definitions";
import { modelDir } from "@/server/services/model/modelFolder";
import type { Storage } from "@/server/storage/storage";
import { AbortedError } from "../diffusion/pipeline";
import { loadPipeline } from "../diffusion/pipelineCache";
import type { InferenceDevice } from "../diffusion/providers";
import {
  claimGeneration,
  completeGeneration,
  failGeneration,
  releaseGeneration,
  reportProgress,
  requeueGeneration,
} from "../generation/generationRun";
import { makePrintReady, runPrintReady } from "../generation/printReadyStage";
import { loadPrintReady } from "../printReady/printReadyCache";

export type GenerateDeps = {
  db: Db;
  storage: Storage;
  device: InferenceDevice;
  /** Aborts when the worker is asked to stop: the current step finishes and the job is released. */
  shutdown: AbortSignal;
  log: (m: string) => void;
};

/** About five previews per generation, whatever its length. */
const PREVIEWS = 5;
const PREVIEW_SIDE = 128;

function previewOf(png: Buffer): Promise<Buffer> {
  return sharp(png).resize(PREVIEW_SIDE, PREVIEW_SIDE, { fit: "inside", withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message.split("\n")[0]! : String(e);
}

/**
 * Runs one generation. Safe to run twice: a canceled or finished generation is left alone, a
 * crashed run starts again from the first step, and a run that another has superseded stops.
 * Collaborators see a failure's kind; its details go to this log.
 */
export function generate({ db, storage, device, shutdown, log }: GenerateDeps): Task {
  return async (payload, helpers) => {
    const { generationId } = jobSchemas.generate.parse(payload);
    if (shutdown.aborted) {
      // Picked up while stopping: hand it on untouched.
      await requeueGeneration(db, generationId);
      return;
    }
    const row = await claimGeneration(db, generationId);
    if (!row) return;

    const controller = new AbortController();
    let superseded = false;
    let lastStep = 0;
    const stop = () => controller.abort();
    const supersede = () => {
      superseded = true;
      controller.abort();
    };
    shutdown.addEventListener("abort", stop);
    helpers.abortSignal.addEventListener("abort", stop);
    try {
      if (row.sourceAssetId) {
        await makePrintReady({ db, storage, device, log }, row, controller.signal, supersede);
        return;
      }
      let pipeline, upscaler;
      try {
        pipeline = await loadPipeline(modelDir(), device, log);
        if (row.upscale) upscaler = await loadPrintReady(device, log);
      } catch (e) {
        log(`[generate] ${row.id}: the model could not be loaded: ${describe(e)}`);
        await failGeneration(db, row, "modelUnavailable");
        return;
      }
      // Each image's upscale counts as one more step.
      const extra = upscaler ? row.count : 0;
      const result = await pipeline.generate({
        // A Korean prompt reaches the model as the English it was understood as.
        prompt: row.understood ?? row.prompt,
        negativePrompt: row.negativePrompt,
        steps: row.steps,
        guidance: row.guidance,
        seed: row.seed,
        count: row.count,
        width: row.width,
        height: row.height,
        scheduler: row.scheduler as SchedulerName,
        previewEvery: Math.max(1, Math.round(row.steps / PREVIEWS)),
        signal: controller.signal,
        onStep: async (step, total, previews) => {
          lastStep = step;
          const preview = previews?.[0] ? await previewOf(previews[0]) : undefined;
          if (!(await reportProgress(db, row, step, total + extra, preview))) supersede();
        },
      });
      let images = result.images.map(({ png, width, height }) => ({ file: png, width, height }));
      let printReady;
      if (upscaler) {
        images = [];
        for (const [i, image] of result.images.entries()) {
          const out = await runPrintReady(upscaler, image.png, { signal: controller.signal, output: row.output, colors: row.colors ?? undefined });
          images.push({ file: out.image, width: out.width, height: out.height });
          printReady = out.printReady;
          lastStep = row.steps + i + 1;
          if (!(await reportProgress(db, row, lastStep, row.steps + extra))) supersede();
        }
      }
      const kept = await completeGeneration(db, storage, row, {
        images,
        printReady,
        provider: result.provider,
        scheduler: result.scheduler,
        modelName: pipeline.model.name,
        modelHash: pipeline.model.hash,
        durationMs: result.milliseconds,
      });
      log(`[generate] ${row.id}: ${kept ? `${result.images.length} image(s) in ${Math.round(result.milliseconds)} ms on ${result.provider}` : "canceled at the end"}`);
    } catch (e) {
      if (superseded) {
        log(`[generate] ${row.id}: canceled after step ${lastStep}`);
        return;
      }
      if (e instanceof AbortedError || shutdown.aborted) {
        // Stopping (whatever failed on the way out): back to the queue, in the same place.
        log(`[generate] ${row.id}: released after step ${lastStep}`);
        await releaseGeneration(db, row).catch(() => {});
        await requeueGeneration(db, row.id);
        return;
      }
      log(`[generate] ${row.id}: failed: ${describe(e)}`);
      await failGeneration(db, row, "failed");
    } finally {
      shutdown.removeEventListener("abort", stop);
      helpers.abortSignal.removeEventListener("abort", stop);
    }
  };
}
