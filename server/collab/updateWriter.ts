import type pg from "pg";
import { Announcer } from "./announcer";

type Row = { update: Uint8Array; userId: string };
type Batch = { canvasId: string; rows: Row[]; stored: Promise<number[]>; resolve: (ids: number[]) => void; reject: (e: unknown) => void };

/**
 * Stores the edits of every room in this process, durably, before anyone receives them; group
 * commit: edits that arrive while statements are in flight wait for the next one, so under load
 * each statement carries more rows instead of more statements contending for Postgres, and a
 * quiet room's edit still goes out on the next turn of the event loop. Every row of one canvas
 * in one statement is one batch, with one promise, so that a room sends each batch as one frame.
 *
 * The announcement to other processes is made apart (see Announcer), after the rows are stored: a
 * transaction that notifies holds a cluster-wide lock until its commit is on disk, so notifying
 * in the insert would make every commit wait for the previous one's flush instead of sharing it.
 */
export class UpdateWriter {
  /** Rows waiting for the next statement, by canvas. */
  private open = new Map<string, Batch>();
  private inFlight = 0;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  private readonly announcer: Announcer;

  /** `shared`: whether another process may have any of our rooms open, so needs telling (see Peers). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly maxInFlight = 2,
    shared: () => boolean = () => true,
  ) {
    this.announcer = new Announcer(pool, shared);
  }

  /** The ids of the row's batch, oldest first, once stored; the same promise for all its rows. */
  append(canvasId: string, update: Uint8Array, userId: string): Promise<number[]> {
    let batch = this.open.get(canvasId);
    if (!batch) {
      let resolve!: Batch["resolve"];
      let reject!: Batch["reject"];
      const stored = new Promise<number[]>((res, rej) => ((resolve = res), (reject = rej)));
      stored.catch(() => {}); // the room handles it in its turn; this only keeps it from counting as unhandled meanwhile
      batch = { canvasId, rows: [], stored, resolve, reject };
      this.open.set(canvasId, batch);
    }
    batch.rows.push({ update, userId });
    this.schedule();
    return batch.stored;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || !this.open.size) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.write();
    });
  }

  private async write(): Promise<void> {
    if (this.inFlight >= this.maxInFlight || !this.open.size) return;
    const batches = [...this.open.values()];
    this.open.clear();
    this.inFlight++;
    try {
      await this.store(batches);
    } catch (e) {
      // One canvas's rows fail the whole statement (a canvas deleted meanwhile, say): store each
      // canvas alone, so that only the one at fault is refused and the other rooms go on.
      if (batches.length === 1) batches[0]!.reject(e);
      else await Promise.all(batches.map((b) => this.store([b]).catch((err: unknown) => b.reject(err))));
    } finally {
      this.inFlight--;
      this.schedule();
      if (!this.inFlight && !this.open.size) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /** Resolves once every row appended so far is stored (or refused). */
  idle(): Promise<void> {
    if (!this.inFlight && !this.open.size) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async store(batches: Batch[]): Promise<void> {
    const canvasIds: string[] = [];
    const updates: Buffer[] = [];
    const userIds: string[] = [];
    for (const b of batches) {
      for (const r of b.rows) {
        canvasIds.push(b.canvasId);
        updates.push(Buffer.from(r.update.buffer, r.update.byteOffset, r.update.byteLength));
        userIds.push(r.userId);
      }
    }
    // A named statement: parsed and planned once per connection, whatever the batch's size.
    const result = await this.pool.query<{ id: string; canvas_id: string }>({
      name: "collab_append_rows",
      text: APPEND_SQL,
      values: [canvasIds, updates, userIds],
    });
    const byCanvas = new Map<string, number[]>();
    for (const r of result.rows) {
      const ids = byCanvas.get(r.canvas_id);
      if (ids) ids.push(Number(r.id));
      else byCanvas.set(r.canvas_id, [Number(r.id)]);
    }
    for (const ids of byCanvas.values()) ids.sort((a, b) => a - b);
    for (const b of batches) b.resolve(byCanvas.get(b.canvasId) ?? []);
    // A canvas's rows were inserted in the order given, so its ids (ordered) match its updates.
    this.announcer.announce(new Map(batches.map((b) => [b.canvasId, { ids: byCanvas.get(b.canvasId) ?? [], updates: b.rows.map((r) => r.update) }])));
  }
}

/**
 * One auto-committed statement: one round trip, one commit. Its rows are grouped by canvas here,
 * not in SQL: an aggregate over the inserted rows cost Postgres a sixth more per statement.
 */
const APPEND_SQL = `
  insert into canvas_doc_updates (canvas_id, update, user_id)
  select * from unnest($1::uuid[], $2::bytea[], $3::text[])
  returning id, canvas_id`;
