import { randomInt } from "node:crypto";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { generations } from "@/db/schema";
import { SEED_MAX, type GenerationRequest, type SchedulerName } from "@/domain/generationParams";
import { koreanLexicon } from "@/domain/prompt/koreanLexicon";
import { saysSomething, understandPrompt } from "@/domain/prompt/understandPrompt";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import type { CanvasAccess } from "../canvas/access";
import { resourceNotFound } from "../canvas/resourceAccess";
import { readModelInfo } from "../model/modelFolder";
import { notifyGeneration } from "./generationEvents";
import { fairRank, generationJobKey, queueGenerationJob } from "./generationQueue";
import { resolveParams } from "./generationParams";

/** Per user, across canvases: what may wait at once, and how many may be asked for per minute. */
export const MAX_OPEN_PER_USER = 6;
export const MAX_PER_MINUTE = 20;

function modelOrFail() {
  const model = readModelInfo();
  if (!model) throw new AppError("BAD_REQUEST", "generation.noModel", "No image model is installed on this server.");
  return model;
}

/**
 * Serialises one person's queueing (an advisory lock held to the end of the transaction) and
 * checks their limits: generations waiting or running, and generations queued in the last
 * minute (a retry counts as queued again).
 */
export async function holdLimits(tx: DbOrTx, actor: Actor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('generation:' || ${actor.userId}))`);
  const [counts] = await tx
    .select({
      open: sql<number>`count(*) filter (where ${inArray(generations.status, ["queued", "running"])})`.mapWith(Number),
      lastMinute: sql<number>`count(*) filter (where ${gt(generations.queuedAt, sql`now() - interval '1 minute'`)})`.mapWith(Number),
    })
    .from(generations)
    .where(and(eq(generations.requestedBy, actor.userId), gt(generations.queuedAt, sql`now() - interval '1 day'`)));
  if (counts!.open >= MAX_OPEN_PER_USER) {
    throw new AppError("TOO_MANY_REQUESTS", "generation.tooManyOpen", `You already have ${MAX_OPEN_PER_USER} generations waiting. Let one finish or cancel one first.`);
  }
  if (counts!.lastMinute >= MAX_PER_MINUTE) {
    throw new AppError("TOO_MANY_REQUESTS", "generation.tooFast", `At most ${MAX_PER_MINUTE} generations a minute. Please wait a moment.`);
  }
}

/**
 * The prompt as the model will read it: Korean mapped to the English of its CLDR names (null when
 * there is no Korean). A prompt whose every word is unknown is refused rather than drawn at random.
 */
async function understoodPrompt(prompt: string): Promise<string | null> {
  const { understood } = understandPrompt(prompt, await koreanLexicon());
  if (understood !== null && !saysSomething(understood)) {
    throw new AppError("BAD_REQUEST", "generation.promptNotUnderstood", "The image model knows none of these words. Try other words, or English.");
  }
  return understood;
}

/**
 * Queues a generation: the row and its job commit together, or neither does. Each user's
 * requests are serialised by an advisory lock so the limits hold under concurrent calls.
 */
export async function createGeneration(db: Db, access: CanvasAccess, req: GenerationRequest): Promise<{ id: string }> {
  const params = resolveParams(req, modelOrFail(), () => randomInt(0, SEED_MAX));
  const understood = await understoodPrompt(params.prompt);
  return db.transaction(async (tx) => {
    await holdLimits(tx, access);
    const [row] = await tx
      .insert(generations)
      .values({ ...params, understood, canvasId: access.canvas.id, requestedBy: access.userId, totalSteps: params.steps + (params.upscale ? params.count : 0), queueRank: await fairRank(tx, access.userId) })
      .returning({ id: generations.id, canvasId: generations.canvasId, queueRank: generations.queueRank, queueAt: generations.queueAt });
    await queueGenerationJob(tx, row!);
    await tx.execute(sql`select ${notifyGeneration({ canvasId: access.canvas.id, id: row!.id, kind: "status" })}`);
    return { id: row!.id };
  });
}

/** The generation on the caller's canvas, if they may change it: they asked for it, or they own the canvas. */
async function findChangeable(db: DbOrTx, access: CanvasAccess, id: string) {
  const row = await db.query.generations.findFirst({ where: and(eq(generations.id, id), eq(generations.canvasId, access.canvas.id)) });
  if (!row) throw resourceNotFound("generation");
  if (row.requestedBy !== access.userId && access.role !== "owner") {
    throw new AppError("FORBIDDEN", "generation.notYours", "Only the person who asked for it or a canvas owner can change this generation.");
  }
  return row;
}

/**
 * A queued generation leaves the queue with its job; a running one is marked canceled and the
 * worker, which checks the row at every step, stops within one step.
 */
export async function cancelGeneration(db: Db, access: CanvasAccess, input: { id: string }): Promise<{ status: "canceled" }> {
  const row = await findChangeable(db, access, input.id);
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(generations)
      .set({ status: "canceled", finishedAt: sql`now()`, preview: null })
      .where(and(eq(generations.id, row.id), inArray(generations.status, ["queued", "running"])))
      .returning({ status: generations.status });
    if (!done) throw new AppError("BAD_REQUEST", "generation.notCancelable", "This generation has already finished.");
    // A locked job (running) is not removed; the worker sees the row and stops.
    await tx.execute(sql`select graphile_worker.remove_job(${generationJobKey(row.id)})`);
    await tx.execute(sql`select ${notifyGeneration({ canvasId: row.canvasId, id: row.id, kind: "status" })}`);
    return { status: "canceled" as const };
  });
}

/**
 * A failed or canceled generation joins the back of the queue again with the same settings,
 * within the limits of the person retrying it, if the installed model still takes them.
 */
export async function retryGeneration(db: Db, access: CanvasAccess, input: { id: string }): Promise<{ id: string }> {
  const row = await findChangeable(db, access, input.id);
  // A print-ready request runs the print-ready network, not the diffusion model's sizes.
  if (!row.sourceAssetId) resolveParams({ ...row, scheduler: row.scheduler as SchedulerName }, modelOrFail(), () => row.seed);
  return db.transaction(async (tx) => {
    await holdLimits(tx, access);
    const queueRank = await fairRank(tx, access.userId);
    const [again] = await tx
      .update(generations)
      .set({ status: "queued", requestedBy: access.userId, step: 0, error: null, preview: null, attempts: 0, queuedAt: sql`now()`, queueRank, queueAt: sql`now()`, startedAt: null, firstProgressAt: null, finishedAt: null, durationMs: null })
      .where(and(eq(generations.id, row.id), inArray(generations.status, ["failed", "canceled"])))
      .returning({ id: generations.id, canvasId: generations.canvasId, queueRank: generations.queueRank, queueAt: generations.queueAt });
    if (!again) throw new AppError("BAD_REQUEST", "generation.notRetryable", "Only a failed or canceled generation can be retried.");
    await queueGenerationJob(tx, again);
    await tx.execute(sql`select ${notifyGeneration({ canvasId: row.canvasId, id: row.id, kind: "status" })}`);
    return { id: row.id };
  });
}
