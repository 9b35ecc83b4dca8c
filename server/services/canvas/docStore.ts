import { randomUUID } from "node:crypto";
import { and, asc, between, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Db, DbOrTx } from "@/db/client";
import { canvasDocs, canvasDocUpdates } from "@/db/schema";

export const DOC_CHANNEL = "canvas_doc";

/** Names this process in its announcements, so that it can ignore its own. */
export const PROCESS_TAG = randomUUID().slice(0, 8);

export type StoredUpdate = { id: number; update: Uint8Array };

/** A canvas's document as loaded: `generation` is its snapshot's (null: none yet), `rowIds` the update rows applied on top. */
export type LoadedDoc = { doc: Y.Doc; lastId: number; bytes: number; generation: number | null; rowIds: number[] };

/**
 * The document as Postgres holds it: the snapshot plus every update row still stored. Rows are not
 * filtered by id: sequence ids are handed out before commit, so a row can commit after a later one
 * was folded into the snapshot; applying an update twice is harmless, missing one is not.
 */
export async function loadDoc(db: DbOrTx, canvasId: string): Promise<LoadedDoc> {
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
  return { doc, lastId: rows.at(-1)?.id ?? snap?.throughUpdateId ?? 0, bytes, generation: snap?.generation ?? null, rowIds: rows.map((r) => r.id) };
}

/** Updates another process wrote, by the id range it announced. */
export async function readUpdates(db: Db, canvasId: string, fromId: number, toId: number): Promise<StoredUpdate[]> {
  return db
    .select({ id: canvasDocUpdates.id, update: canvasDocUpdates.update })
    .from(canvasDocUpdates)
    .where(and(eq(canvasDocUpdates.canvasId, canvasId), between(canvasDocUpdates.id, fromId, toId)))
    .orderBy(asc(canvasDocUpdates.id));
}

/** What is stored for a canvas that a document lacks: the snapshot if it is not the one it holds, and rows it does not hold. */
export type StoredLack = { generation: number | null; snapshot: Uint8Array | null; rows: StoredUpdate[] };

/**
 * What is stored for a canvas that a document holding snapshot generation `known` and the rows
 * `held` lacks, read in one consistent view: a compaction between reading the rows and the
 * snapshot could otherwise fold rows into a snapshot this read does not see.
 */
export async function readStoredLack(db: Db, canvasId: string, known: number | null, held: Set<number>): Promise<StoredLack> {
  return db.transaction(
    async (tx) => {
      const [snap] = await tx.select({ generation: canvasDocs.generation }).from(canvasDocs).where(eq(canvasDocs.canvasId, canvasId));
      let snapshot: Uint8Array | null = null;
      if (snap && snap.generation !== known) {
        const [row] = await tx.select({ snapshot: canvasDocs.snapshot }).from(canvasDocs).where(eq(canvasDocs.canvasId, canvasId));
        snapshot = row!.snapshot;
      }
      const missing = (await readUpdateIds(tx, canvasId)).filter((id) => !held.has(id));
      const rows = missing.length ? await readUpdatesById(tx, canvasId, missing) : [];
      return { generation: snap?.generation ?? null, snapshot, rows };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** The ids of a canvas's stored update rows, oldest first: what a compaction folds. */
export async function readUpdateIds(db: DbOrTx, canvasId: string): Promise<number[]> {
  const rows = await db.select({ id: canvasDocUpdates.id }).from(canvasDocUpdates).where(eq(canvasDocUpdates.canvasId, canvasId)).orderBy(asc(canvasDocUpdates.id));
  return rows.map((r) => r.id);
}

/** Some of a canvas's stored update rows, by id, oldest first. */
export async function readUpdatesById(db: DbOrTx, canvasId: string, ids: number[]): Promise<StoredUpdate[]> {
  return db
    .select({ id: canvasDocUpdates.id, update: canvasDocUpdates.update })
    .from(canvasDocUpdates)
    .where(and(eq(canvasDocUpdates.canvasId, canvasId), sql`${canvasDocUpdates.id} = any(${sql.param(ids)}::bigint[])`))
    .orderBy(asc(canvasDocUpdates.id));
}

/**
 * Stores `state` as the snapshot and deletes exactly the update rows folded into it; returns the
 * snapshot's new generation, and the stored snapshot it merged in (if it did: the caller's
 * document holds the new generation only once it has applied that too). Compactions of one canvas (from several processes) take turns. When
 * the stored snapshot is still the `known` generation (the one the caller's document was loaded
 * from or last wrote), `state` already holds it and replaces it as it is; otherwise another process
 * compacted meanwhile, and its snapshot is merged in, so one never drops what another folded in.
 */
export async function compact(db: Db, canvasId: string, state: Uint8Array, foldedIds: number[], known: number | null): Promise<{ generation: number; mergedIn: Uint8Array | null }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('canvas_doc:' || ${canvasId}))`);
    const [current] = await tx.select({ generation: canvasDocs.generation, through: canvasDocs.throughUpdateId }).from(canvasDocs).where(eq(canvasDocs.canvasId, canvasId));
    let snapshot = state;
    let mergedIn: Uint8Array | null = null;
    if (current && current.generation !== known) {
      const [stored] = await tx.select({ snapshot: canvasDocs.snapshot }).from(canvasDocs).where(eq(canvasDocs.canvasId, canvasId));
      mergedIn = stored!.snapshot;
      snapshot = Y.mergeUpdates([mergedIn, state]);
    }
    const through = foldedIds.reduce((max, id) => Math.max(max, id), current?.through ?? 0);
    // The generation is counted by the table's trigger, on every write of a snapshot.
    const [written] = await tx
      .insert(canvasDocs)
      .values({ canvasId, snapshot, throughUpdateId: through })
      .onConflictDoUpdate({ target: canvasDocs.canvasId, set: { snapshot, throughUpdateId: through, updatedAt: new Date() } })
      .returning({ generation: canvasDocs.generation });
    if (foldedIds.length) await tx.delete(canvasDocUpdates).where(and(eq(canvasDocUpdates.canvasId, canvasId), sql`${canvasDocUpdates.id} = any(${sql.param(foldedIds)}::bigint[])`));
    return { generation: written!.generation, mergedIn };
  });
}
