import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assets, canvases, generations, users } from "@/db/schema";
import type { GenerationImage, GenerationView } from "@/domain/generationView";
import { assetSrc } from "@/domain/document/assetSource";
import type { CanvasAccess } from "../canvas/access";

export const LIST_LIMIT = 40;

/**
 * Places in line (1 = next to start) for the given queued generations, across all canvases, in the
 * fair queue's own order (generationQueue.ts); a paused canvas's generations hold no place.
 */
async function queuePositions(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const res = await db.execute(sql`
    with line as (
      select g.id, row_number() over (order by g.queue_rank, g.queue_at, g.id) as position
      from generations g join canvases c on c.id = g.canvas_id
      where g.status = 'queued' and not c.generations_paused
    )
    select id, position from line where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
  `);
  return new Map((res.rows as { id: string; position: string | number }[]).map((r) => [r.id, Number(r.position)]));
}

async function imagesOf(db: DbOrTx, ids: string[]): Promise<Map<string, GenerationImage[]>> {
  const byGeneration = new Map<string, GenerationImage[]>();
  if (!ids.length) return byGeneration;
  const rows = await db
    .select({ id: assets.id, generationId: assets.generationId, width: assets.width, height: assets.height, contentType: assets.contentType })
    .from(assets)
    .where(and(inArray(assets.generationId, ids), eq(assets.status, "ready")))
    .orderBy(asc(assets.generationIndex));
  for (const r of rows) {
    const list = byGeneration.get(r.generationId!) ?? [];
    list.push({ assetId: r.id, url: assetSrc(r.id), thumbUrl: assetSrc(r.id, true), width: r.width ?? 0, height: r.height ?? 0, contentType: r.contentType });
    byGeneration.set(r.generationId!, list);
  }
  return byGeneration;
}

/** The canvas's queue as its member sees it (`generation.list`). */
export async function listGenerations(db: DbOrTx, access: CanvasAccess): Promise<GenerationView[]> {
  return canvasGenerations(db, access.canvas.id);
}

/** The canvas's most recent generations, newest first, with places in line and images; for the hub, which checked access. */
export async function canvasGenerations(db: DbOrTx, canvasId: string): Promise<GenerationView[]> {
  const rows = await db
    .select({ g: generations, userName: users.name })
    .from(generations)
    .leftJoin(users, eq(users.id, generations.requestedBy))
    .where(eq(generations.canvasId, canvasId))
    .orderBy(desc(generations.queuedAt), desc(generations.id))
    .limit(LIST_LIMIT);
  const [positions, images, [canvas]] = await Promise.all([
    queuePositions(db, rows.filter((r) => r.g.status === "queued").map((r) => r.g.id)),
    imagesOf(db, rows.filter((r) => r.g.status === "succeeded").map((r) => r.g.id)),
    db.select({ paused: canvases.generationsPaused }).from(canvases).where(eq(canvases.id, canvasId)),
  ]);
  return rows.map(({ g, userName }) => ({
    id: g.id,
    canvasId: g.canvasId,
    status: g.status,
    prompt: g.prompt,
    negativePrompt: g.negativePrompt,
    steps: g.steps,
    guidance: g.guidance,
    seed: g.seed,
    width: g.width,
    height: g.height,
    count: g.count,
    scheduler: g.scheduler,
    kind: g.sourceAssetId ? ("printReady" as const) : ("generate" as const),
    upscale: g.upscale,
    output: g.output,
    colors: g.colors,
    understood: g.understood,
    sourceAssetId: g.sourceAssetId,
    requestedBy: g.requestedBy ? { id: g.requestedBy, name: userName ?? "" } : null,
    progress: g.status === "succeeded" ? 1 : g.totalSteps ? g.step / g.totalSteps : 0,
    step: g.step,
    totalSteps: g.totalSteps,
    position: positions.get(g.id) ?? null,
    paused: g.status === "queued" && !!canvas?.paused,
    previewUrl: g.status === "running" && g.preview ? `data:image/webp;base64,${Buffer.from(g.preview).toString("base64")}` : null,
    error: g.error,
    modelName: g.modelName,
    modelHash: g.modelHash,
    provider: g.provider,
    durationMs: g.durationMs,
    createdAt: g.createdAt,
    queuedAt: g.queuedAt,
    startedAt: g.startedAt,
    firstProgressAt: g.firstProgressAt,
    finishedAt: g.finishedAt,
    images: images.get(g.id) ?? [],
  }));
}
