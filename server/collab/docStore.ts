import { randomUUID } from "node:crypto";
import { and, asc, between, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Db } from "@/db/client";
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
    .where(eq(canvasDocUpdates.canvasId, canvasId))
    .orderBy(asc(canvasDocUpdates.id));
  for (const r of rows) {
    Y.applyUpdate(doc, r.update);
    bytes += r.update.byteLength;
  }
  return { doc, lastId: rows.at(-1)?.id ?? snap?.throughUpdateId ?? 0, bytes, pendingUpdates: rows.length };
}

type QueuedWrite = { canvasId: string; batch: { update: Uint8Array; userId: string }[]; resolve: (ids: number[]) => void; reject: (e: unknown) => void };

const queues = new WeakMap<Db, QueuedWrite[]>();

/**
 * Durably stores a room's batch of updates and announces them to the other web processes. Batches
 * from every room that arrive in the same tick share one statement (one round trip, one commit):
 * the insert and the notifications are a single auto-committed query.
 */
export function appendUpdates(db: Db, canvasId: string, batch: { update: Uint8Array; userId: string }[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = [];
      queues.set(db, queue);
      setImmediate(() => void writeQueued(db));
    }
    queue.push({ canvasId, batch, resolve, reject });
  });
}

async function writeQueued(db: Db): Promise<void> {
  const writes = queues.get(db) ?? [];
  queues.delete(db);
  const rows = writes.flatMap((w) => w.batch.map((b) => ({ canvasId: w.canvasId, update: b.update, userId: b.userId })));
  try {
    const values = sql.join(
      rows.map((r) => sql`(${r.canvasId}::uuid, ${Buffer.from(r.update.buffer, r.update.byteOffset, r.update.byteLength)}::bytea, ${r.userId})`),
      sql`, `,
    );
    const result = await db.execute<{ canvas_id: string; ids: string[] }>(sql`
      with ins as (
        insert into canvas_doc_updates (canvas_id, update, user_id) values ${values} returning id, canvas_id
      ), grouped as (
        select canvas_id, array_agg(id order by id) as ids from ins group by canvas_id
      )
      select canvas_id, ids, pg_notify(${DOC_CHANNEL}, ${PROCESS_TAG} || ' ' || canvas_id || ' ' || ids[1] || ' ' || ids[array_length(ids, 1)]) from grouped`);
    const byCanvas = new Map(result.rows.map((r) => [r.canvas_id, r.ids.map(Number)]));
    // Several writes of one canvas in a tick come from one room's flush loop, so at most one here.
    for (const w of writes) w.resolve(byCanvas.get(w.canvasId) ?? []);
  } catch (e) {
    for (const w of writes) w.reject(e);
  }
}

/** Updates another process wrote, by the id range it announced. */
export async function readUpdates(db: Db, canvasId: string, fromId: number, toId: number): Promise<StoredUpdate[]> {
  return db
    .select({ id: canvasDocUpdates.id, update: canvasDocUpdates.update })
    .from(canvasDocUpdates)
    .where(and(eq(canvasDocUpdates.canvasId, canvasId), between(canvasDocUpdates.id, fromId, toId)))
    .orderBy(asc(canvasDocUpdates.id));
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
