import type { Db } from "@/db/client";
import type { CollabLimits } from "./limits";
import { Room } from "./room";
import type { UpdateWriter } from "./updateWriter";
import type { AwarenessPeers } from "./awarenessPeers";
import type { CoverRequests } from "./coverRequests";

const UNLOAD_GRACE_MS = 5_000;

/** Loads each room once and unloads it when nobody is left and nothing is pending. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();

  constructor(
    private readonly db: Db,
    private readonly writer: UpdateWriter,
    private readonly limits: CollabLimits,
    private readonly peers: AwarenessPeers | null = null,
    private readonly covers: CoverRequests | null = null,
  ) {}

  /**
   * Concurrent joins of one canvas share one load. A failed load is forgotten (the next join
   * retries) and never leaves an empty document behind that could be saved over the real one.
   */
  get(canvasId: string): Promise<Room> {
    let room = this.rooms.get(canvasId);
    if (!room) {
      room = Room.load(this.db, this.writer, canvasId, this.limits, (broken) => this.drop(broken), this.peers, this.covers);
      room.catch(() => this.rooms.delete(canvasId));
      this.rooms.set(canvasId, room);
    }
    return room;
  }

  loaded(canvasId: string): Promise<Room> | undefined {
    return this.rooms.get(canvasId);
  }

  /** After the last socket leaves, wait a moment (reconnects are common) and unload if still idle. */
  release(room: Room): void {
    if (!room.idle) return;
    setTimeout(() => {
      if (room.idle && this.rooms.has(room.canvasId)) this.drop(room);
      else if (room.conns.size === 0) this.release(room);
    }, UNLOAD_GRACE_MS).unref();
  }

  private drop(room: Room): void {
    void this.rooms.get(room.canvasId)?.then((current) => {
      if (current === room) this.rooms.delete(room.canvasId);
    });
    room.destroy();
  }

  /** Every loaded room, e.g. to catch up on what another process stored while we were not listening. */
  async loadedRooms(): Promise<Room[]> {
    return (await Promise.all([...this.rooms.values()].map((p) => p.catch(() => null)))).filter((r) => r !== null);
  }

  /** Totals over the loaded rooms, for monitoring and tests. */
  async stats(): Promise<{ rooms: number; sockets: number; bufferedBytes: number; droppedViewerWrites: number; refusedImageSources: number; refusedRecords: number }> {
    const loaded = await this.loadedRooms();
    return {
      rooms: loaded.length,
      sockets: loaded.reduce((n, r) => n + r.conns.size, 0),
      // Queued for sockets, counting a frame shared by several once for each.
      bufferedBytes: loaded.reduce((n, r) => n + [...r.conns].reduce((m, c) => m + c.socket.bufferedAmount, 0), 0),
      droppedViewerWrites: loaded.reduce((n, r) => n + r.stats.droppedViewerWrites, 0),
      refusedImageSources: loaded.reduce((n, r) => n + r.stats.refusedImageSources, 0),
      refusedRecords: loaded.reduce((n, r) => n + r.stats.refusedRecords, 0),
    };
  }

  async closeAll(code: number, reason: string): Promise<void> {
    for (const p of this.rooms.values()) (await p.catch(() => null))?.closeAll(code, reason);
  }
}
