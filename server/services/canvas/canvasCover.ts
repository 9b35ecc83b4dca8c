import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { canvases } from "@/db/schema";
import { canvasCoverKey } from "../../storage/objectKeys";

/** A cover is rendered this long after the first change since the last one: a burst of edits makes one render. */
export const COVER_DELAY_MS = 10_000;

/** The route a canvas's cover is served from; `version` (its render time) makes each render a new URL. */
export function coverUrl(canvasId: string, coverAt: Date | null, inviteToken?: string): string | null {
  if (!coverAt) return null;
  const invite = inviteToken ? `&invite=${encodeURIComponent(inviteToken)}` : "";
  return `/api/canvas-covers/${canvasId}?v=${coverAt.getTime()}${invite}`;
}

/**
 * Asks for the canvas's cover to be rendered again soon. A render already waiting keeps its time,
 * so steady editing renders every `COVER_DELAY_MS` at most, never later.
 */
export async function scheduleCover(db: DbOrTx, canvasId: string): Promise<void> {
  await scheduleCovers(db, [canvasId]);
}

/**
 * `scheduleCover` for many canvases in one statement (the collaboration server gathers its rooms'
 * asks): each render waiting keeps its time.
 */
export async function scheduleCovers(db: DbOrTx, canvasIds: readonly string[]): Promise<void> {
  if (!canvasIds.length) return;
  await db.execute(sql`select graphile_worker.add_job(
    identifier => 'renderCanvasCover',
    payload => json_build_object('canvasId', id),
    run_at => now() + ${`${COVER_DELAY_MS} milliseconds`}::interval,
    job_key => 'cover:' || id,
    job_key_mode => 'preserve_run_at'
  ) from unnest(${sql.param(canvasIds)}::uuid[]) as id`);
}

/** Records a render (or, with null, that the canvas has no cover: a free artboard, or nothing on it). */
export async function recordCover(db: DbOrTx, canvasId: string, coverAt: Date | null): Promise<void> {
  await db.update(canvases).set({ coverAt }).where(eq(canvases.id, canvasId));
}

/** The cover's object and render time, for the image route; null when the canvas has none. */
export async function findServableCover(db: DbOrTx, canvasId: string) {
  const [row] = await db.select({ coverAt: canvases.coverAt }).from(canvases).where(eq(canvases.id, canvasId));
  return row?.coverAt ? { key: canvasCoverKey(canvasId), coverAt: row.coverAt } : null;
}
