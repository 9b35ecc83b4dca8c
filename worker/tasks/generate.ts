import type { Task } from "graphile-worker";
import sharp from "sharp";
import type { Db } from "@/db/client";
import { jobSchemas } from "@/server/jobs/definitions";
import { modelDir } from "@/server/jobs/modelInfo";
import type { SchedulerName } from "@/server/jobs/modelInfo";
import {
  claimGeneration,
  completeGeneration,
  failGeneration,
  releaseGeneration,
  reportProgress,
} from "@/server/services/generation/generationRun";
import type { Storage } from "@/server/storage/storage";
import { AbortedError } from "../diffusion/pipeline";
import { loadPipeline } from "../diffusion/pipelineCache";
import type { InferenceDevice } from "../diffusion/providers";

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

export class ReleasedError extends Error {
  constructor() {
    super("The worker is stopping; the generation went back to the queue");
    this.name = "ReleasedError";
  }
}

function previewOf(png: Buffer): Promise<Buffer> {
  return sharp(png).resize(PREVIEW_SIDE, PREVIEW_SIDE, { fit: "inside", withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message.split("\n")[0]! : String(e);
}

/**
 * Runs one generation. Safe to run twice: a canceled or finished generation is left alone, and a
 * crashed run starts again from the first step.
 */
export function generate({ db, storage, device, shutdown, log }: GenerateDeps): Task {
  return async (payload, helpers) => {
    const { generationId } = jobSchemas.generate.parse(payload);
    const row = await claimGeneration(db, generationId);
    if (!row) return;

    let pipeline;
    try {
      pipeline = await loadPipeline(modelDir(), device, log);
    } catch (e) {
      log(`[generate] ${row.id}: the model could not be loaded: ${describe(e)}`);
      await failGeneration(db, row, `The image model could not be loaded: ${describe(e)}`);
      return;
    }

    const controller = new AbortController();
    let canceled = false;
    let lastStep = 0;
    const stop = () => controller.abort();
    shutdown.addEventListener("abort", stop);
    helpers.abortSignal.addEventListener("abort", stop);
    try {
      if (shutdown.aborted) throw new AbortedError();
      const result = await pipeline.generate({
        prompt: row.prompt,
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
          if (!(await reportProgress(db, row, step, total, preview))) {
            canceled = true;
            controller.abort();
          }
        },
      });
      const kept = await completeGeneration(db, storage, row, {
        images: result.images,
        provider: result.provider,
        scheduler: result.scheduler,
        modelName: pipeline.model.name,
        modelHash: pipeline.model.hash,
        durationMs: result.milliseconds,
      });
      log(`[generate] ${row.id}: ${kept ? `${result.images.length} image(s) in ${Math.round(result.milliseconds)} ms on ${result.provider}` : "canceled at the end"}`);
    } catch (e) {
      if (e instanceof AbortedError && canceled) {
        log(`[generate] ${row.id}: canceled after step ${lastStep}`);
        return;
      }
      if (e instanceof AbortedError || shutdown.aborted) {
        // Stopping (whatever failed on the way out): back to the queue for the next worker.
        await releaseGeneration(db, row).catch(() => {});
        throw new ReleasedError();
      }
      log(`[generate] ${row.id}: failed: ${describe(e)}`);
      await failGeneration(db, row, `The generation failed: ${describe(e)}`);
    } finally {
      shutdown.removeEventListener("abort", stop);
      helpers.abortSignal.removeEventListener("abort", stop);
    }
  };
}
