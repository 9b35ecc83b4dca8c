import { Counter, Gauge } from "prom-client";
import type { RoomRegistry } from "../collab/rooms";
import { metrics } from "./registry";

export const collabEdits = new Counter({ name: "merchboard_collab_edits_total", help: "Document edits accepted and stored.", registers: [metrics] });
export const collabEditBytes = new Counter({ name: "merchboard_collab_edit_bytes_total", help: "Bytes of document edits accepted and stored.", registers: [metrics] });
export const collabRefused = new Counter({ name: "merchboard_collab_refused_total", help: "Edits refused, by reason.", labelNames: ["reason"] as const, registers: [metrics] });

/** Rooms, sockets and bytes queued for slow sockets in this process's collaboration server, read at each scrape. */
export function watchCollab(rooms: RoomRegistry): void {
  const read = async () => rooms.stats();
  for (const name of ["merchboard_collab_rooms", "merchboard_collab_sockets", "merchboard_collab_buffered_bytes"]) metrics.removeSingleMetric(name);
  new Gauge({ name: "merchboard_collab_rooms", help: "Canvases loaded in this process.", registers: [metrics], async collect() { this.set((await read()).rooms); } });
  new Gauge({ name: "merchboard_collab_sockets", help: "Collaboration sockets open in this process.", registers: [metrics], async collect() { this.set((await read()).sockets); } });
  new Gauge({ name: "merchboard_collab_buffered_bytes", help: "Bytes queued for sockets that read slowly.", registers: [metrics], async collect() { this.set((await read()).bufferedBytes); } });
}
