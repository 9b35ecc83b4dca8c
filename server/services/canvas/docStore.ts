import { randomUUID } from "node:crypto";
import { and, asc, between, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Db, DbOrTx } from "@/db/client";
import { canvasDocs, canvasDocUpdates } from "@/db/schema";

export const DOC_CHANNEL = "canvas_doc";

/** Names this process in its announcements, so that it can ignore its own. */
export const PROCESS_TAG = randomUUID().slice(0, 8);

export type StoredUpdate = { id: number; update: Uint8Array };

/**
 * The document as Postgres holds it: the snapshot plus every update row still stored. Rows are not
 * filtered by id: sequence ids are handed out before commit, so a row can commit after a later one
 * was folded into the snapshot; applying an update twice is harmless, missing one is not.
 */
export async function loadDoc(db: DbOrTx, canvasId: string): Promise<{ doc: Y.Doc; lastId: number; bytes: number; pendingUpdates: number }> {
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
    .where(eq(canvasDocUpdates.canvasId, canvasId))
    .orderBy(asc(canvasDocUpdates.id));
  for (const r of rows) {
    Y.applyUpdate(doc, r.update);
    bytes += r.update.byteLength;
  }
  return { doc, lastId: rows.at(-1)?.id ?? snap?.throughUpdateId ?? 0, bytes, pendingUpdates: rows.length };
}

/** Updates another process wrote, by the id range it announced. */
export async function readUpdates(db: Db, canvasId: string, fromId: number, toId: number): Promise<StoredUpdate[]> {
  return db
    .select({ id: canvasDocUpdates.id, update: canvasDocUpdates.update })
    .from(canvasDocUpdates)
    .where(and(eq(canvasDocUpdates.canvasId, canvasId), between(canvasDocUpdates.id, fromId, toId)))
    .orderBy(asc(canvasDocUpdates.id));
}

/**
 * Everything stored for a canvas, the snapshot first: for catching up after notifications may have
 * been missed, when another process may also have folded rows into the snapshot meanwhile.
 */
export async function readStoredState(db: Db, canvasId: string): Promise<Uint8Array[]> {
  const [snap] = await db.select({ snapshot: canvasDocs.snapshot }).from(canvasDocs).where(eq(canvasDocs.canvasId, canvasId));
  const rows = await readAllUpdates(db, canvasId);
  return [...(snap ? [snap.snapshot] : []), ...rows.map((r) => r.update)];
}

/** Every update row of a canvas that is still stored, oldest first. */
export async function readAllUpdates(db: Db, canvasId: string): Promise<StoredUpdate[]> {
  return db
    .select({ id: canvasDocUpdates.id, update: canvasDocUpdates.update })
    .from(canvasDocUpdates)
    .where(eq(canvasDocUpdates.canvasId, canvasId))
    .orderBy(asc(canvasDocUpdates.id));
}

/**
 * Stores `state` as the snapshot and deletes exactly the update rows folded into it. Compactions
 * of one canvas (from several processes) take turns, and each merges the snapshot it finds into
 * its own, so one never drops what another folded in.
 */
export async function compact(db: Db, canvasId: string, state: Uint8Array, foldedIds: number[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('canvas_doc:' || ${canvasId}))`);
    const [current] = await tx.select({ snapshot: canvasDocs.snapshot, through: canvasDocs.throughUpdateId }).from(canvasDocs).where(eq(canvasDocs.canvasId, canvasId));
    const snapshot = current ? Y.mergeUpdates([current.snapshot, state]) : state;
    const through = Math.max(current?.through ?? 0, ...foldedIds);
    await tx
      .insert(canvasDocs)
      .values({ canvasId, snapshot, throughUpdateId: through })
      .onConflictDoUpdate({ target: canvasDocs.canvasId, set: { snapshot, throughUpdateId: through, updatedAt: new Date() } });
    if (foldedIds.length) await tx.delete(canvasDocUpdates).where(and(eq(canvasDocUpdates.canvasId, canvasId), inArray(canvasDocUpdates.id, foldedIds)));
  });
}
