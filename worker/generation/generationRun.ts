import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { assets, generations } from "@/db/schema";
import type { AssetProvenance, PrintReadyProvenance } from "@/domain/provenance";
import { GENERATION_CHANNEL, notifyGeneration } from "@/server/services/generation/generationEvents";
import { queueGenerationJob } from "@/server/services/generation/generationQueue";
import { storeThenCommit } from "@/server/services/generation/storedImages";
import type { Storage } from "@/server/storage/storage";

/**
 * The worker's side of a generation: each state change is one statement that also notifies. A run
 * claims the row with its own run id and writes only while the row still carries it, so a run
 * that was superseded (its job unlocked and run elsewhere, or canceled and retried) changes
 * nothing and stops at its next step.
 */

export type GenerationRow = typeof generations.$inferSelect & { runId: string };

/** Why a generation failed, as a code the UI translates; details go to the worker's log. */
export type GenerationFailure = "modelUnavailable" | "failed" | "workerLost" | "sourceGone";

/** The row, while this run still owns it (running, with its run id). */
export const mine = (row: GenerationRow) => and(eq(generations.id, row.id), eq(generations.runId, row.runId), eq(generations.status, "running"));

/** A waiting generation of a paused canvas stays waiting (a job may have been taken just before the pause). */
const notOnPausedCanvas = sql`(${generations.status} = 'running' or not exists (select 1 from canvases c where c.id = ${generations.canvasId} and c.generations_paused))`;

/** Marks the generation running (again, after a crash) unless it was canceled or has finished. */
export async function claimGeneration(db: Db, id: string): Promise<GenerationRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(generations)
      .set({ status: "running", runId: randomUUID(), step: 0, preview: null, error: null, attempts: sql`${generations.attempts} + 1`, startedAt: sql`now()`, firstProgressAt: null })
      .where(and(eq(generations.id, id), inArray(generations.status, ["queued", "running"]), notOnPausedCanvas))
      .returning();
    if (row) await tx.execute(sql`select ${notifyGeneration({ canvasId: row.canvasId, id, kind: "status" })}`);
    return row ? (row as GenerationRow) : null;
  });
}

/** Records a step (and maybe a preview). False when the generation is no longer running: stop. */
export async function reportProgress(db: DbOrTx, row: GenerationRow, step: number, total: number, preview?: Uint8Array): Promise<boolean> {
  const res = await db.execute(sql`
    with changed as (
      update generations set step = ${step}, total_steps = ${total},
        preview = coalesce(${preview ? Buffer.from(preview) : null}::bytea, preview),
        first_progress_at = coalesce(first_progress_at, now()), updated_at = now()
      where id = ${row.id} and run_id = ${row.runId} and status = 'running'
      returning id
    )
    select ${notifyGeneration({ canvasId: row.canvasId, id: row.id, kind: "progress" })} from changed
  `);
  return res.rows.length > 0;
}

export type FinishedImages = {
  /** Each image's file: a PNG, or an SVG when print-ready output was a vector. */
  images: { file: Buffer; width: number; height: number }[];
  provider: string;
  scheduler: string;
  modelName: string;
  modelHash: string;
  durationMs: number;
  /** Set when each image went through the print-ready network after generation. */
  printReady?: PrintReadyProvenance;
};

/**
 * Stores the images as assets of the canvas, with their provenance, and marks the generation
 * succeeded. If it was canceled meanwhile, nothing is kept and false comes back.
 */
export async function completeGeneration(db: Db, storage: Storage, row: GenerationRow, result: FinishedImages): Promise<boolean> {
  const provenance: AssetProvenance = {
    generationId: row.id,
    prompt: row.prompt,
    negativePrompt: row.negativePrompt,
    seed: row.seed,
    steps: row.steps,
    guidance: row.guidance,
    scheduler: result.scheduler,
    width: row.width,
    height: row.height,
    model: result.modelName,
    modelHash: result.modelHash,
    provider: result.provider,
    durationMs: Math.round(result.durationMs),
    ...(result.printReady ? { printReady: result.printReady } : {}),
  };
  return storeThenCommit(storage, row.canvasId, result.images.map((i) => i.file), (stored) =>
    db.transaction(async (tx) => {
      const [done] = await tx
        .update(generations)
        .set({
          status: "succeeded",
          step: row.totalSteps,
          preview: null,
          provider: result.provider,
          modelName: result.modelName,
          modelHash: result.modelHash,
          durationMs: Math.round(result.durationMs),
          finishedAt: sql`now()`,
        })
        .where(mine(row))
        .returning({ id: generations.id });
      if (!done) return false;
      await tx.insert(assets).values(
        stored.map((s) => ({
          id: s.id,
          canvasId: row.canvasId,
          uploadedBy: row.requestedBy,
          status: "ready" as const,
          fileName: `${row.prompt.slice(0, 60)} (${row.seed}-${s.index + 1}).${s.image.ext}`,
          contentType: s.image.contentType,
          declaredSize: s.image.buffer.byteLength,
          byteSize: s.image.buffer.byteLength,
          width: s.image.width,
          height: s.image.height,
          objectKey: s.objectKey,
          thumbKey: s.thumbKey,
          generationId: row.id,
          generationIndex: s.index,
          provenance,
        })),
      );
      await tx.execute(sql`select ${notifyGeneration({ canvasId: row.canvasId, id: row.id, kind: "status" })}`);
      return true;
    }),
  );
}

export async function failGeneration(db: Db, row: GenerationRow, failure: GenerationFailure): Promise<void> {
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(generations)
      .set({ status: "failed", error: failure, preview: null, finishedAt: sql`now()` })
      .where(mine(row))
      .returning({ id: generations.id });
    if (done) await tx.execute(sql`select ${notifyGeneration({ canvasId: row.canvasId, id: row.id, kind: "status" })}`);
  });
}

/** Back to the queue (the worker is stopping); it keeps its place, since queuedAt is unchanged. */
export async function releaseGeneration(db: Db, row: GenerationRow): Promise<void> {
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(generations)
      .set({ status: "queued", step: 0, preview: null })
      .where(mine(row))
      .returning({ id: generations.id });
    if (done) await tx.execute(sql`select ${notifyGeneration({ canvasId: row.canvasId, id: row.id, kind: "status" })}`);
  });
}

/**
 * A fresh job for a generation whose run was interrupted by a stopping worker, at its place in the
 * fair queue. Adding a job with the key of the running one detaches that one (it then ends as
 * done), so the interruption costs no attempt: only crashes count towards MAX_ATTEMPTS.
 */
export async function requeueGeneration(db: DbOrTx, id: string): Promise<void> {
  const [row] = await db.select({ id: generations.id, canvasId: generations.canvasId, queueRank: generations.queueRank, queueAt: generations.queueAt }).from(generations).where(eq(generations.id, id));
  if (row) await queueGenerationJob(db, row);
}

/**
 * Generations that wait or run with no job left that could run them (their worker died on the
 * last attempt, or the job was lost) are failed, so no phantom stays in everyone's queue.
 */
export async function failOrphanedGenerations(db: DbOrTx): Promise<number> {
  const res = await db.execute<{ id: string; canvas_id: string }>(sql`
    with orphaned as (
      update generations g set status = 'failed', error = 'workerLost', preview = null, finished_at = now()
      where g.status in ('queued', 'running') and g.updated_at < now() - interval '1 minute'
        and not exists (
          select 1 from graphile_worker.jobs j
          where j.key = 'generation:' || g.id and j.attempts < j.max_attempts
        )
      returning g.id, g.canvas_id
    )
    select id, canvas_id, pg_notify(${GENERATION_CHANNEL}, json_build_object('canvasId', canvas_id, 'id', id, 'kind', 'status')::text) from orphaned
  `);
  return res.rows.length;
}
