import http from "node:http";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocketServer, type WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

/** The floor: an in-memory y-protocols relay with no auth and no persistence. */
const rooms = new Map<string, { doc: Y.Doc; conns: Set<WebSocket> }>();
const server = http.createServer();
const wss = new WebSocketServer({ server });
wss.on("connection", (ws, req) => {
  const name = req.url ?? "/";
  let room = rooms.get(name);
  if (!room) {
    const doc = new Y.Doc();
    const r = { doc, conns: new Set<WebSocket>() };
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 0);
      syncProtocol.writeUpdate(enc, update);
      const msg = encoding.toUint8Array(enc);
      for (const c of r.conns) if (c !== origin) c.send(msg);
    });
    rooms.set(name, (room = r));
  }
  const r = room;
  r.conns.add(ws);
  ws.on("message", (data: Buffer) => {
    const dec = decoding.createDecoder(new Uint8Array(data));
    const enc = encoding.createEncoder();
    if (decoding.readVarUint(dec) !== 0) return;
    encoding.writeVarUint(enc, 0);
    syncProtocol.readSyncMessage(dec, enc, r.doc, ws);
    if (encoding.length(enc) > 1) ws.send(encoding.toUint8Array(enc));
  });
  ws.on("close", () => r.conns.delete(ws));
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  syncProtocol.writeSyncStep1(enc, r.doc);
  ws.send(encoding.toUint8Array(enc));
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
