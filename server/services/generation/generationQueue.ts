import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { canvases, generations } from "@/db/schema";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import type { CanvasAccess } from "../canvas/access";
import { notifyGeneration } from "./generationEvents";

/** A worker killed mid-job is retried; a job that keeps killing workers stops after this many runs. */
export const MAX_ATTEMPTS = 3;

export function generationJobKey(id: string): string {
  return `generation:${id}`;
}

/**
 * The fair queue's rank for a new generation of `userId`: how many of theirs already wait or run.
 * The queue runs by (rank, time joined), so three people queueing six each take turns: everyone's
 * first, then everyone's second. Called under the requester's advisory lock (holdLimits).
 */
export async function fairRank(tx: DbOrTx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ open: sql<number>`count(*)`.mapWith(Number) })
    .from(generations)
    .where(and(eq(generations.requestedBy, userId), inArray(generations.status, ["queued", "running"])));
  return row?.open ?? 0;
}

/**
 * The job that runs a queued generation, at its place in the fair queue (the job's priority is its
 * rank). A paused canvas's generations get no job until the owner resumes. Adding a job with the
 * key of a waiting one moves that one instead.
 */
export async function queueGenerationJob(tx: DbOrTx, g: { id: string; canvasId: string; queueRank: number; queueAt: Date }): Promise<void> {
  const [canvas] = await tx.select({ paused: canvases.generationsPaused }).from(canvases).where(eq(canvases.id, g.canvasId));
  if (canvas?.paused) return;
  // graphile-worker's priority is a smallint; past a few thousand every rank is "later" anyway.
  await enqueue(tx, "generate", { generationId: g.id }, { jobKey: generationJobKey(g.id), maxAttempts: MAX_ATTEMPTS, priority: Math.min(g.queueRank, 30_000), runAt: g.queueAt });
}

/** The canvas's waiting generations, locked, in the order they will run. */
async function waitingOf(tx: DbOrTx, canvasId: string) {
  return tx
    .select({ id: generations.id, canvasId: generations.canvasId, queueRank: generations.queueRank, queueAt: generations.queueAt })
    .from(generations)
    .where(and(eq(generations.canvasId, canvasId), eq(generations.status, "queued")))
    .orderBy(asc(generations.queueRank), asc(generations.queueAt), asc(generations.id))
    .for("update");
}

/**
 * The owner pauses the canvas's queue (its waiting generations keep their places but none starts;
 * one running finishes) or resumes it (they go back in line where they were).
 */
export async function setQueuePaused(db: Db, access: CanvasAccess, paused: boolean): Promise<{ paused: boolean }> {
  return db.transaction(async (tx) => {
    await tx.update(canvases).set({ generationsPaused: paused }).where(eq(canvases.id, access.canvas.id));
    const waiting = await waitingOf(tx, access.canvas.id);
    for (const g of waiting) {
      if (paused) await tx.execute(sql`select graphile_worker.remove_job(${generationJobKey(g.id)})`);
      else await queueGenerationJob(tx, g);
      await tx.execute(sql`select ${notifyGeneration({ canvasId: g.canvasId, id: g.id, kind: "status" })}`);
    }
    return { paused };
  });
}

/**
 * The owner puts the canvas's waiting generations in a new order. The canvas keeps the places in
 * the shared queue it holds (others wait no longer for it); its generations trade them. `ids` must
 * be exactly the generations waiting now, else the caller is told the queue changed meanwhile.
 */
export async function reorderQueue(db: Db, access: CanvasAccess, ids: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const waiting = await waitingOf(tx, access.canvas.id);
    const same = ids.length === waiting.length && new Set(ids).size === ids.length && waiting.every((g) => ids.includes(g.id));
    if (!same) throw new AppError("CONFLICT", "generation.queueChanged", "The queue changed while you were reordering it. Try again.");
    for (const [i, id] of ids.entries()) {
      const slot = waiting[i]!;
      if (slot.id === id) continue;
      await tx.update(generations).set({ queueRank: slot.queueRank, queueAt: slot.queueAt }).where(eq(generations.id, id));
      await queueGenerationJob(tx, { id, canvasId: access.canvas.id, queueRank: slot.queueRank, queueAt: slot.queueAt });
      await tx.execute(sql`select ${notifyGeneration({ canvasId: access.canvas.id, id, kind: "status" })}`);
    }
  });
}
