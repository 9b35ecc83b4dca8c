import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";

/**
 * A message framed once as an unmasked binary WebSocket frame (RFC 6455 §5.2), to be written as
 * it is to every socket of a room. Sending through `ws` frames it again for each socket: a header
 * allocated, the stream corked, two buffers written and uncorked. For a room of 200 that framing
 * is most of the JavaScript of a fan-out; the rest is the system call per socket.
 */
export function wireFrame(message: Uint8Array): Buffer {
  const n = message.byteLength;
  const headerBytes = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + n);
  frame[0] = 0x82; // FIN, binary
  if (n < 126) frame[1] = n;
  else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.set(message, headerBytes);
  return frame;
}

/**
 * The TCP socket under `socket`, when a frame may be written to it directly: no extension is in use
 * (a compressed connection frames each message itself) and `ws` keeps it where this version does.
 * `ws` writes its own frames (pings, closes) straight to it too, never queued behind ours, so the
 * order of everything sent holds; its `bufferedAmount` counts what is written here.
 */
export function rawStream(socket: WebSocket): Duplex | null {
  if (socket.extensions) return null;
  const stream = (socket as unknown as { _socket?: Duplex })._socket;
  return stream && typeof stream.write === "function" ? stream : null;
}
