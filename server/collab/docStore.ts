import { and, asc, between, eq, gt, lte, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Db } from "@/db/client";
import { canvasDocs, canvasDocUpdates } from "@/db/schema";

export const DOC_CHANNEL = "canvas_doc";

export type StoredUpdate = { id: number; update: Uint8Array };

/** The document as Postgres holds it: the snapshot plus every update after it. */
export async function loadDoc(db: Db, canvasId: string): Promise<{ doc: Y.Doc; lastId: number; bytes: number; pendingUpdates: number }> {
  const doc = new Y.Doc({ gc: true });
  const [snap] = await db.select().from(canvasDocs).where(eq(canvasDocs.canvasId, canvasId));
  let bytes = 0;
  if (snap) {
    Y.applyUpdate(doc, snap.snapshot);
    bytes += snap.snapshot.byteLength;
  }
  const rows = await db
    .select({ id: canvasDocUpdates.id, update: canvasDocUpdates.update })
    .from(canvasDocUpdates)
    .where(and(eq(canvasDocUpdates.canvasId, canvasId), gt(canvasDocUpdates.id, snap?.throughUpdateId ?? 0)))
    .orderBy(asc(canvasDocUpdates.id));
  for (const r of rows) {
    Y.applyUpdate(doc, r.update);
    bytes += r.update.byteLength;
  }
  return { doc, lastId: rows.at(-1)?.id ?? snap?.throughUpdateId ?? 0, bytes, pendingUpdates: rows.length };
}

/**
 * Writes a batch of updates in one statement and announces them to the other web processes in the
 * same transaction. Resolves only once they are durable.
 */
export async function appendUpdates(db: Db, canvasId: string, batch: { update: Uint8Array; userId: string }[]): Promise<number[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(canvasDocUpdates)
      .values(batch.map((b) => ({ canvasId, update: b.update, userId: b.userId })))
      .returning({ id: canvasDocUpdates.id });
    const ids = rows.map((r) => r.id);
    await tx.execute(sql`select pg_notify(${DOC_CHANNEL}, ${`${canvasId} ${Math.min(...ids)} ${Math.max(...ids)}`})`);
    return ids;
  });
}

/** Updates another process wrote, by the id range it announced. */
export async function readUpdates(db: Db, canvasId: string, fromId: number, toId: number): Promise<StoredUpdate[]> {
  return db
    .select({ id: canvasDocUpdates.id, update: canvasDocUpdates.update })
    .from(canvasDocUpdates)
    .where(and(eq(canvasDocUpdates.canvasId, canvasId), between(canvasDocUpdates.id, fromId, toId)))
    .orderBy(asc(canvasDocUpdates.id));
}

/** Folds every update up to `throughId` into the snapshot; `state` must contain exactly those. */
export async function compact(db: Db, canvasId: string, state: Uint8Array, throughId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(canvasDocs)
      .values({ canvasId, snapshot: state, throughUpdateId: throughId })
      .onConflictDoUpdate({ target: canvasDocs.canvasId, set: { snapshot: state, throughUpdateId: throughId, updatedAt: new Date() } });
    await tx.delete(canvasDocUpdates).where(and(eq(canvasDocUpdates.canvasId, canvasId), lte(canvasDocUpdates.id, throughId)));
  });
}
