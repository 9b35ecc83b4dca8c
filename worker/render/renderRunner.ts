import { and, eq, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { JobHelpers } from "graphile-worker";
import type { Db } from "@/db/client";
import { OPEN_RENDER_STATUSES, type RenderStatus } from "@/domain/render/renderStatus";
import { writeObject, type Storage } from "@/server/storage/storage";

/** The columns the runner claims and marks; every render table has them (`byteSize` where it keeps one). */
export type RenderTable = PgTable & { id: PgColumn; status: PgColumn; objectKey: PgColumn; error: PgColumn; byteSize?: PgColumn };

/** What a renderer made and where it is stored. */
export type Rendered = { body: Buffer; contentType: "image/png" | "image/webp"; key: string };

/**
 * One kind of render: the table its rows live in and the renderer that draws a row. A new kind of
 * render is one of these, run by `runRender`; claiming, storing, marking and retrying are the runner's.
 */
export type RenderKind<Row> = {
  table: RenderTable;
  render(row: Row): Promise<Rendered>;
  /** What follows once the render is stored (an order line's print file may complete its order). */
  afterStored?(row: Row): Promise<void>;
};

/** Thrown by a renderer when what it should draw is gone: the render fails at once, not retried. */
export class RenderRefused extends Error {}

/** Whether this run of a job is its last, so that a failure is final. */
export const finalAttempt = (helpers: JobHelpers): boolean => helpers.job.attempts >= helpers.job.max_attempts;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/**
 * Renders one row: claim it (queued, or running after a crash; anything else, or a row that is
 * gone, is left alone), render, store, mark. The one retry policy: a refusal fails the render at
 * once; any other error puts the row back in the queue with its reason and rethrows, so that the
 * job runs again, until the job's last attempt (`finalAttempt`), which marks it failed.
 */
export async function runRender<Row>(db: Db, storage: Storage, kind: RenderKind<Row>, id: string, finalAttempt = true): Promise<void> {
  const { table } = kind;
  const [row] = (await db
    .update(table)
    .set({ status: "running" } as never)
    .where(and(eq(table.id, id), inArray(table.status, [...OPEN_RENDER_STATUSES])))
    .returning()) as Row[];
  if (!row) return;
  const mark = (values: { status: RenderStatus; error: string | null; objectKey?: string; byteSize?: number }) =>
    db.update(table).set(values as never).where(eq(table.id, id));
  let out: Rendered;
  try {
    out = await kind.render(row);
    await writeObject(storage, out.key, out.body, out.contentType);
  } catch (e) {
    const final = finalAttempt || e instanceof RenderRefused;
    await mark({ status: final ? "failed" : "queued", error: reason(e) });
    if (!final) throw e;
    return;
  }
  await mark({ status: "succeeded", error: null, objectKey: out.key, ...(table.byteSize ? { byteSize: out.body.length } : {}) });
  await kind.afterStored?.(row);
}

/** Renders several rows one after another, each marked as it finishes; one failing does not stop the others. */
export async function runRenders<Row>(db: Db, storage: Storage, kind: RenderKind<Row>, ids: string[], finalAttempt = true): Promise<void> {
  let retry: { error: unknown } | undefined;
  for (const id of ids) {
    try {
      await runRender(db, storage, kind, id, finalAttempt);
    } catch (error) {
      retry ??= { error };
    }
  }
  if (retry) throw retry.error;
}
