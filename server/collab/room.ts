import * as Y from "yjs";
import type { Db } from "@/db/client";
import { parseAwarenessState } from "./awarenessState";
import { AwarenessRelay } from "./awarenessRelay";
import type { AwarenessPeers } from "./awarenessPeers";
import { CanvasAssets } from "./canvasAssets";
import type { CoverRequests } from "./coverRequests";
import { send, sendFramed, type Connection } from "./connection";
import { wireFrame } from "./wireFrame";
import { Fanout, mergeIntervalMs } from "./fanout";
import { compact, loadDoc, readStoredLack, readUpdateIds, readUpdates, readUpdatesById, type LoadedDoc, type StoredUpdate } from "../services/canvas/docStore";
import { DocumentGate } from "./documentGate";
import type { CollabLimits } from "./limits";
import {
  CLOSE,
  decodeAwarenessUpdate,
  encodeAwareness,
  encodeAwarenessUpdate,
  encodeSync,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  type AwarenessEntry,
} from "./protocol";
import { StoredEdits, type StoredRun } from "./storedEdits";
import type { UpdateWriter } from "./updateWriter";
import { collabEditBytes, collabEdits, collabRefused } from "../metrics/collabMetrics";
import { log } from "@/server/log";

/**
 * One canvas's live document. Updates are validated, written to Postgres (the writer batches
 * them), and only then applied and sent on, merged into one frame per turn of the event loop.
 */
export class Room {
  readonly conns = new Set<Connection>();
  readonly stats = { droppedViewerWrites: 0, refusedImageSources: 0, refusedRecords: 0 };
  private awareness = new Map<number, AwarenessEntry>();
  /** Awareness client ids of sockets on other web processes, and when each was last heard of. */
  private readonly remoteAwareness = new Map<number, number>();
  /** Edits being written to Postgres, sent on in the order they arrived once stored. */
  private readonly outbox = new StoredEdits<Uint8Array>((run, failure) => this.deliver(run, failure));
  private updatesSinceCompaction: number;
  private compacting = false;
  /** Ids of stored rows this document already holds (loaded, or written here): compaction need not read them. */
  private readonly heldIds: Set<number>;
  /** The stored snapshot's generation this document holds (see `compact`). */
  private generation: number | null;
  private readonly doc: Y.Doc;
  private lastId: number;
  private bytes: number;
  private closed = false;
  /** Counts changes to the document: a socket that joined at version v has been sent every later one. */
  private version = 0;
  /** The whole document as one sync answer, shared by every socket that asks while it is current. */
  private fullState: { frame: Uint8Array; version: number } | null = null;
  private readonly assets: CanvasAssets;
  private readonly gate: DocumentGate;
  private readonly fanout: Fanout;

  private constructor(
    readonly canvasId: string,
    loaded: LoadedDoc,
    private readonly db: Db,
    private readonly writer: UpdateWriter,
    private readonly limits: CollabLimits,
    private readonly onBroken: (room: Room) => void,
    private readonly peers: AwarenessPeers | null,
    private readonly covers: CoverRequests | null,
  ) {
    this.doc = loaded.doc;
    this.lastId = loaded.lastId;
    this.bytes = loaded.bytes;
    this.generation = loaded.generation;
    this.heldIds = new Set(loaded.rowIds);
    this.updatesSinceCompaction = loaded.rowIds.length;
    this.assets = new CanvasAssets(db, canvasId);
    this.gate = new DocumentGate(this.doc);
    this.fanout = new Fanout((update) => {
      this.broadcast(encodeSync(SYNC_UPDATE, update));
    }, () => mergeIntervalMs(this.conns.size, limits.fanoutWritesPerSecond));
  }

  static async load(
    db: Db,
    writer: UpdateWriter,
    canvasId: string,
    limits: CollabLimits,
    onBroken: (room: Room) => void,
    peers: AwarenessPeers | null = null,
    covers: CoverRequests | null = null,
  ): Promise<Room> {
    return new Room(canvasId, await loadDoc(db, canvasId), db, writer, limits, onBroken, peers, covers);
  }

  get idle(): boolean {
    return this.conns.size === 0 && this.outbox.size === 0 && !this.compacting;
  }

  join(conn: Connection): void {
    conn.joinedVersion = this.version;
    conn.awareness = new AwarenessRelay(
      this.limits.awarenessBytesPerSecond,
      (entries) => encodeAwarenessUpdate(entries).byteLength,
      (entries) => {
        this.broadcast(encodeAwareness(encodeAwarenessUpdate(entries)));
        this.peers?.publish(this.canvasId, entries);
      },
    );
    this.conns.add(conn);
    send(conn, encodeSync(SYNC_STEP1, Y.encodeStateVector(this.doc)));
    if (this.awareness.size) send(conn, encodeAwareness(encodeAwarenessUpdate([...this.awareness.values()])));
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    conn.awareness?.dispose();
    const removed = [...conn.clientIds].flatMap((id) => {
      const e = this.awareness.get(id);
      this.awareness.delete(id);
      return e ? [{ clientId: id, clock: e.clock + 1, state: null }] : [];
    });
    if (removed.length) {
      this.broadcast(encodeAwareness(encodeAwarenessUpdate(removed)));
      this.peers?.publish(this.canvasId, removed);
    }
  }

  /**
   * Awareness another web process relayed (already checked and stamped there): kept for sockets
   * that join later and sent to ours. An id one of our own sockets uses, or an older clock, is
   * ignored.
   */
  receiveRemoteAwareness(entries: AwarenessEntry[]): void {
    const now = Date.now();
    const taken = (id: number) => [...this.conns].some((c) => c.clientIds.has(id));
    const fresh = entries.filter((e) => !taken(e.clientId) && !((this.awareness.get(e.clientId)?.clock ?? -1) > e.clock));
    for (const e of fresh) {
      if (e.state) {
        this.awareness.set(e.clientId, e);
        this.remoteAwareness.set(e.clientId, now);
      } else {
        this.awareness.delete(e.clientId);
        this.remoteAwareness.delete(e.clientId);
      }
    }
    if (fresh.length) this.broadcast(encodeAwareness(encodeAwarenessUpdate(fresh)));
  }

  /**
   * Drops the awareness of remote sockets not heard of since `before` (their process stopped without
   * a word, or their client went quiet): clients renew theirs every 15 s, and forget others' after 30.
   */
  expireRemoteAwareness(before: number): void {
    const removed: AwarenessEntry[] = [];
    for (const [id, at] of this.remoteAwareness) {
      if (at >= before) continue;
      this.remoteAwareness.delete(id);
      const e = this.awareness.get(id);
      this.awareness.delete(id);
      if (e) removed.push({ clientId: id, clock: e.clock + 1, state: null });
    }
    if (removed.length) this.broadcast(encodeAwareness(encodeAwarenessUpdate(removed)));
  }

  /**
   * Answers a sync request. Each answer can be the whole document, so a socket asks a few times a
   * minute at most, and never while its last answer still waits to go out (a client that stopped
   * reading is cut off). A client missing much of the document gets the whole of it, encoded once
   * per version and shared: sockets asking at once hold one copy between them.
   */
  syncStep1(conn: Connection, stateVector: Uint8Array): void {
    if (conn.socket.bufferedAmount > this.limits.syncBacklogBytes) return conn.socket.terminate();
    // A socket with answers still queued would not read a close frame either.
    if (!conn.syncRate.take()) return conn.socket.bufferedAmount ? conn.socket.terminate() : conn.socket.close(CLOSE.tooManyMessages, "Too many sync requests");
    const full = this.fullStateFor(conn);
    if (Y.decodeStateVector(stateVector).size === 0) return send(conn, full);
    const diff = Y.encodeStateAsUpdate(this.doc, stateVector);
    send(conn, diff.byteLength * 2 < full.byteLength ? encodeSync(SYNC_STEP2, diff) : full);
  }

  /** The shared whole-document answer, as of a version this socket has been sent every change after. */
  private fullStateFor(conn: Connection): Uint8Array {
    if (!this.fullState || this.fullState.version < conn.joinedVersion) {
      this.fullState = { frame: encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc)), version: this.version };
    }
    return this.fullState.frame;
  }

  /** The document changed (and the change is being sent to every socket). */
  private changed(): void {
    this.version++;
  }

  /**
   * A client's edit. Viewers' edits are dropped here, never applied and never sent on. An edit
   * that writes anything but whole, valid records (see `DocumentGate`), or whose images are not
   * this canvas's assets, is refused and its socket closed; nothing of it is stored.
   */
  receiveUpdate(conn: Connection, update: Uint8Array): void {
    // Closing sockets (this room's, or one refused a moment ago) send nothing more; their clients
    // resend what the server lacks when they reconnect.
    if (this.closed || conn.socket.readyState !== conn.socket.OPEN) return;
    if (conn.readOnly) {
      this.stats.droppedViewerWrites++;
      return;
    }
    const decoded = Y.decodeUpdate(update); // throws on a malformed update before anything is stored
    if (!decoded.structs.length && !decoded.ds.clients.size) return; // a client's sync reply with nothing new: nothing to store
    const checked = this.gate.check(update, decoded);
    if (!checked.ok) return this.refuseRecord(conn, checked.reason);
    const { assetIds } = checked;
    if (!conn.pendingEdit && this.assets.allKnown(assetIds)) return this.store(conn, update);
    // A newly placed image: its asset is looked up first, and this socket's later edits wait for
    // it, so that edits are stored (and sent on) in the order they were made.
    const check = (conn.pendingEdit ?? Promise.resolve())
      .then(() => this.assets.allBelong(assetIds))
      .then(
        (ok) => (ok ? this.store(conn, update) : this.refuseImageSource(conn, update)),
        () => {
          this.gate.release(update);
          conn.socket.close(CLOSE.storageUnavailable, "Storage is unavailable; reconnecting");
        },
      )
      .finally(() => {
        if (conn.pendingEdit === check) conn.pendingEdit = null;
      });
    conn.pendingEdit = check;
  }

  private refuseRecord(conn: Connection, reason: string): void {
    this.stats.refusedRecords++;
    collabRefused.inc({ reason: "record" });
    // A close reason is at most 123 bytes of UTF-8.
    conn.socket.close(CLOSE.refusedContent, `Refused: ${reason}`.replace(/[^\x20-\x7e]/g, "?").slice(0, 123));
  }

  private refuseImageSource(conn: Connection, update: Uint8Array): void {
    this.gate.release(update);
    this.stats.refusedImageSources++;
    collabRefused.inc({ reason: "imageSource" });
    conn.socket.close(CLOSE.refusedContent, "Images must be this canvas's assets");
  }

  /** Writes an accepted edit, then applies and sends it on with the rest of its batch. */
  private store(conn: Connection, update: Uint8Array): void {
    if (this.closed || conn.socket.readyState !== conn.socket.OPEN) return this.gate.release(update);
    if (this.bytes + update.byteLength > this.limits.maxDocBytes) {
      this.gate.release(update);
      conn.socket.close(CLOSE.tooLarge, "The canvas document is too large");
      return;
    }
    this.bytes += update.byteLength;
    collabEdits.inc();
    collabEditBytes.inc(update.byteLength);
    this.outbox.add(this.writer.append(this.canvasId, update, conn.identity.userId), update);
  }

  /** Stored edits, applied and sent on together; then the failure that broke the line, if any. */
  private deliver({ edits, ids }: StoredRun<Uint8Array>, failure: { error: unknown } | null): void {
    for (const edit of edits) this.gate.release(edit);
    if (!this.closed && edits.length) {
      for (const id of ids) {
        this.heldIds.add(id);
        if (id > this.lastId) this.lastId = id;
      }
      this.applyAndSend(edits);
      this.updatesSinceCompaction += edits.length;
      // The design changed: the dashboard's cover is rendered again soon.
      this.covers?.ask(this.canvasId);
    }
    if (failure && !this.closed) {
      const e = failure.error;
      // A foreign-key violation: the canvas was deleted while its edits were on their way.
      if ((e as { code?: string }).code === "23503") return this.breakRoom(CLOSE.canvasGone, "The canvas was deleted");
      log.error({ err: e, canvasId: this.canvasId }, "collab: could not store edits");
      return this.breakRoom(CLOSE.storageUnavailable, "Storage is unavailable; reconnecting");
    }
    if (this.updatesSinceCompaction >= this.limits.compactAfterUpdates) void this.compactNow();
  }

  /**
   * The edits merged, applied in one transaction (a transaction per edit cost more than the rest
   * of a busy room's work), and sent to everyone as the same frame, encoded once (see Fanout). A
   * sender also receives its own edit back; applying an update twice changes nothing in Yjs, and it
   * is far cheaper than a separate merge per sender (which grows with the square of the senders).
   */
  private applyAndSend(updates: Uint8Array[]): void {
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    Y.applyUpdate(this.doc, merged);
    this.changed();
    this.fanout.push(merged);
  }

  /**
   * Folds the stored rows into a snapshot. Rows this document does not hold yet (other processes'
   * edits still on their way) are read and applied first, so the snapshot holds everything it
   * replaces; the rest are only deleted. The main thread's work is one encoding of the document.
   */
  private async compactNow(): Promise<void> {
    // Writes still in flight are fine: their rows are either folded here (and applied first) or
    // left for the next compaction.
    if (this.compacting || this.closed) return;
    this.compacting = true;
    try {
      const ids = await readUpdateIds(this.db, this.canvasId);
      const missing = ids.filter((id) => !this.heldIds.has(id));
      if (missing.length) this.applyStored(null, await readUpdatesById(this.db, this.canvasId, missing));
      const state = Y.encodeStateAsUpdate(this.doc);
      const { generation, mergedIn } = await compact(this.db, this.canvasId, state, ids, this.generation);
      // Another process's snapshot went into ours: this document holds the new one once it has it too.
      if (mergedIn) this.applyStored(mergedIn, []);
      this.generation = generation;
      // Held ids up to the last folded one are gone: folded here, or by another process before.
      const last = ids.at(-1) ?? Infinity;
      for (const id of this.heldIds) if (id <= last) this.heldIds.delete(id);
      this.updatesSinceCompaction = 0;
      this.bytes = state.byteLength;
    } catch (e) {
      log.error({ err: e, canvasId: this.canvasId }, "collab: compaction failed");
    } finally {
      this.compacting = false;
    }
  }

  /** Another process stored updates [from, to]: apply what this document lacks and pass it on. */
  async receiveRemote(from: number, to: number, inline?: Uint8Array[]): Promise<void> {
    if (inline && this.applyRemote(inline)) return;
    this.applyStored(null, await readUpdates(this.db, this.canvasId, from, to));
  }

  /**
   * Rows another process stored and sent along: applied and passed on as they are (a client that
   * already has some of it ignores that part). False when they do not decode, to read them instead.
   */
  private applyRemote(updates: Uint8Array[]): boolean {
    try {
      Y.transact(this.doc, () => {
        for (const u of updates) Y.applyUpdate(this.doc, u, "remote");
      }, "remote");
    } catch {
      return false;
    }
    for (const u of updates) this.broadcastChange(u);
    return true;
  }

  /**
   * Other processes' announcements may not have reached this room (the LISTEN connection was away,
   * or they did not know of this process yet): apply whatever is stored that this document lacks
   * (the snapshot too, if another process's compaction may have folded such rows) and pass it on.
   */
  async catchUp(): Promise<void> {
    const lack = await readStoredLack(this.db, this.canvasId, this.generation, this.heldIds);
    this.applyStored(lack.snapshot, lack.rows);
    if (lack.snapshot) this.generation = lack.generation;
  }

  /** Stored state this document lacks, applied, and sent on as one change (unless the room closed meanwhile). */
  private applyStored(snapshot: Uint8Array | null, rows: StoredUpdate[]): void {
    if (this.closed) return;
    const before = Y.encodeStateVector(this.doc);
    if (snapshot) Y.applyUpdate(this.doc, snapshot, "remote");
    for (const r of rows) {
      Y.applyUpdate(this.doc, r.update, "remote");
      this.heldIds.add(r.id);
    }
    const diff = Y.encodeStateAsUpdate(this.doc, before);
    if (diff.byteLength > 2) this.broadcastChange(diff);
  }

  /**
   * Awareness from a client, with its identity stamped by the server so nobody can pose as another.
   * Only what our editor sends is relayed (every peer renders it): a state of another shape or over
   * the size limit is dropped, and so are client ids past the few one socket may introduce. What is
   * relayed is metered in bytes per second (AwarenessRelay).
   */
  receiveAwareness(conn: Connection, update: Uint8Array): void {
    const accepted: AwarenessEntry[] = [];
    // One entry per client id: a frame that repeats an id is relayed as its last entry for it.
    const entries = new Map(decodeAwarenessUpdate(update, this.limits.maxAwarenessStateBytes).map((e) => [e.clientId, e]));
    for (const e of entries.values()) {
      if (!conn.clientIds.has(e.clientId)) {
        if (conn.clientIds.size >= this.limits.maxAwarenessClientIds) continue;
        if ([...this.conns].some((c) => c !== conn && c.clientIds.has(e.clientId))) continue;
      }
      const state = e.state === null ? null : parseAwarenessState(e.state);
      if (e.state !== null && !state) continue;
      conn.clientIds.add(e.clientId);
      const stamped: AwarenessEntry = {
        clientId: e.clientId,
        clock: e.clock,
        state: state && { ...state, user: { id: conn.identity.userId, name: conn.identity.name, color: conn.color, role: conn.identity.role } },
      };
      if (stamped.state) this.awareness.set(e.clientId, stamped);
      else this.awareness.delete(e.clientId);
      accepted.push(stamped);
    }
    if (accepted.length) conn.awareness?.push(accepted);
  }

  queryAwareness(conn: Connection): void {
    if (conn.socket.bufferedAmount > this.limits.syncBacklogBytes) return conn.socket.terminate();
    send(conn, encodeAwareness(encodeAwarenessUpdate([...this.awareness.values()])));
  }

  private broadcastChange(diff: Uint8Array): void {
    this.changed();
    this.fanout.push(diff);
  }

  /** One message to many sockets, framed once. */
  private broadcast(message: Uint8Array): void {
    const frame = wireFrame(message);
    for (const c of this.conns) sendFramed(c, message, frame);
  }

  /**
   * Storage failed: tell every client (they reconnect and resend what we could not store) and drop
   * the in-memory state so that the next load starts from what Postgres really has.
   */
  private breakRoom(code: number, reason: string): void {
    this.closed = true;
    this.fanout.dispose();
    for (const c of this.conns) c.socket.close(code, reason);
    this.onBroken(this);
  }

  closeAll(code: number, reason: string): void {
    for (const c of this.conns) c.socket.close(code, reason);
  }

  destroy(): void {
    this.closed = true;
    this.fanout.dispose();
    this.doc.destroy();
  }
}
