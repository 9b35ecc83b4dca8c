import type { WebSocket } from "ws";
import type { SocketIdentity } from "./upgradeAuth";

/** One socket in a room, with what the server knows about who is behind it. */
export type Connection = {
  socket: WebSocket;
  identity: SocketIdentity;
  color: string;
  readOnly: boolean;
  /** Awareness client ids this socket has announced; only it may change or remove them. */
  clientIds: Set<number>;
};

export function send(conn: Connection, message: Uint8Array): void {
  if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(message, { binary: true });
}
