import type { WebSocket } from "ws";
import type { AwarenessRelay } from "./awarenessRelay";
import type { MessageRate } from "./messageRate";
import type { SocketIdentity } from "./upgradeAuth";
import { rawStream } from "./wireFrame";

/** One socket in a room, with what the server knows about who is behind it. */
export type Connection = {
  socket: WebSocket;
  identity: SocketIdentity;
  color: string;
  readOnly: boolean;
  /** Awareness client ids this socket has announced; only it may change or remove them. */
  clientIds: Set<number>;
  /** Past this many bytes queued for the socket, its reader is taken to have stopped reading. */
  maxBufferedBytes: number;
  /** An edit of this socket still being checked: its later edits wait, so they stay in order. */
  pendingEdit: Promise<void> | null;
  /** The room's document version when the socket joined: every change after it was sent to it. */
  joinedVersion: number;
  /** Sync requests (each answer can be the whole document) this socket may still make. */
  syncRate: MessageRate;
  /** Its awareness, metered on the way to the room (set when it joins). */
  awareness: AwarenessRelay | null;
  /** Whether it answered the last ping, and what was queued for it then (for the heartbeat). */
  alive: boolean;
  lastBuffered: number;
};

/**
 * Sends unless the socket is closed. A client that stops reading would make the server hold
 * everything sent to it: past the limit it is cut off (a close frame could not reach it either).
 */
export function send(conn: Connection, message: Uint8Array): void {
  if (mayWrite(conn)) conn.socket.send(message, { binary: true });
}

/** Sends a message framed once for many sockets (see `wireFrame`), on the terms of `send`. */
export function sendFramed(conn: Connection, message: Uint8Array, frame: Buffer): void {
  if (!mayWrite(conn)) return;
  const stream = rawStream(conn.socket);
  if (stream) stream.write(frame);
  else conn.socket.send(message, { binary: true });
}

/** Whether the socket is open and reading: one that is not is cut off here. */
function mayWrite(conn: Connection): boolean {
  const socket = conn.socket;
  if (socket.readyState !== socket.OPEN) return false;
  if (socket.bufferedAmount > conn.maxBufferedBytes) {
    socket.terminate();
    return false;
  }
  return true;
}
