import type http from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type ServerOptions, type WebSocket } from "ws";
import { createDb, warmPool, type Db } from "@/db/client";
import { requireCanvasRole } from "../services/canvas/access";
import { SESSION_CHANNEL } from "../auth/sessionEvents";
import { ACCESS_CHANNEL } from "../services/canvas/accessEvents";
import { userColor } from "./colors";
import type { Connection } from "./connection";
import { DOC_CHANNEL, PROCESS_TAG } from "../services/canvas/docStore";
import { DEFAULT_LIMITS, type CollabLimits } from "./limits";
import { listen } from "@/db/listen";
import { MessageRate } from "./messageRate";
import { parseAccessChange, parseAwarenessNotice, parseDocAnnouncement, parseSessionEnded } from "./notifications";
import { AWARENESS_CHANNEL, AwarenessPeers, remoteAwarenessEntries } from "./awarenessPeers";
import { Peers, PEERS_CHANNEL } from "./peers";
import { CLOSE, decodeMessage } from "./protocol";
import type { Room } from "./room";
import { RoomRegistry } from "./rooms";
import { CoverRequests } from "./coverRequests";
import { UpdateWriter } from "./updateWriter";
import { authorizeUpgrade } from "./upgradeAuth";
import { log } from "@/server/log";

export type CollabServer = { rooms: RoomRegistry; close: () => Promise<void> };

/** Connections of the collaboration server's document pool: the writer's statements, announcements, loads and compactions. */
const STORE_CONNECTIONS = 8;

/** Another handler's upgrade (Next.js's dev server on /_next/): true when it took the socket. */
export type OtherUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/** The wiring: HTTP upgrade → auth → room; messages → room; access changes → sockets. */
export function attachCollabServer(
  server: http.Server,
  opts: { db: Db; databaseUrl: string; appUrl: string; limits?: Partial<CollabLimits>; otherUpgrade?: OtherUpgrade },
): CollabServer {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  // Documents get a pool of their own, committing synchronously: an edit is on disk before anyone
  // else receives it, whoever dies (our processes, Postgres, the machine). The update writer's
  // group commit makes one flush serve every room's edits of a tick. Its connections are all opened
  // at once and kept: one opened mid-burst stalls every room's edits behind it (see warmPool).
  const store = createDb(opts.databaseUrl, STORE_CONNECTIONS, { keepOpen: true });
  warmPool(store.pool, STORE_CONNECTIONS).catch((e: unknown) => log.warn({ err: e }, "collab: could not open the document pool's connections ahead"));
  // Rooms of ours another process may also have open only once it has said hello (see Peers).
  const peers = new Peers(store.pool, () => void catchUpRooms());
  const writer = new UpdateWriter(store.pool, limits.writesInFlight, () => peers.shared);
  const awareness = new AwarenessPeers(store.pool, peers);
  const covers = new CoverRequests(opts.db);
  const rooms = new RoomRegistry(store.db, writer, limits, awareness, covers);
  let draining = false;
  // A socket closed for cause that does not answer the close (it stopped reading) is cut off soon.
  // (ws takes closeTimeout, as of the version we use; its types do not list it.)
  const options: ServerOptions & { closeTimeout: number } = { noServer: true, maxPayload: limits.maxMessageBytes, closeTimeout: limits.closeTimeoutMs };
  const wss = new WebSocketServer(options);
  const socketsPerUser = new Map<string, number>();
  const connections = new Set<Connection>();

  // The one upgrade listener of the server: an upgrade nobody takes would hold its socket (and a
  // file descriptor) forever, and a reset on it would throw ECONNRESET with no one listening.
  server.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    if (!req.url?.startsWith("/collab/") && req.url !== "/collab") {
      if (!opts.otherUpgrade?.(req, socket, head)) refuse(socket, 404, "Not found");
      return;
    }
    if (draining) return refuse(socket, 503, "The server is restarting");
    authorizeUpgrade(opts.db, req, opts.appUrl)
      .then((decision) => {
        if (!decision.ok) return refuse(socket, decision.status, decision.message);
        const { identity } = decision;
        if ((socketsPerUser.get(identity.userId) ?? 0) >= limits.maxSocketsPerUser) return refuse(socket, 429, "Too many open canvases");
        if (socket.destroyed) return;
        // handleUpgrade calls back synchronously, so open() counts this socket before the next check.
        wss.handleUpgrade(req, socket, head, (ws) => void open(ws, identity));
      })
      .catch(() => refuse(socket, 503, "Access could not be checked: storage is unavailable"));
  });

  async function open(ws: WebSocket, identity: Connection["identity"]) {
    const conn: Connection = {
      socket: ws,
      identity,
      color: userColor(identity.userId),
      readOnly: identity.role === "viewer",
      clientIds: new Set(),
      maxBufferedBytes: limits.maxBufferedBytes,
      pendingEdit: null,
      joinedVersion: 0,
      syncRate: new MessageRate(limits.syncRequestsPerMinute / 60, limits.syncRequestBurst),
      awareness: null,
      alive: true,
      lastBuffered: 0,
    };
    const rate = new MessageRate(limits.maxMessagesPerSecond, limits.messageBurst);
    // One listener and one closure per socket (10,000 idle sockets are a requirement): messages are
    // counted as they arrive, queued while the room loads, then handled in order.
    let room: Room | null = null;
    let queued: RawData[] | null = [];
    ws.on("message", (data: RawData) => {
      if (!rate.take() && ws.readyState === ws.OPEN) ws.close(CLOSE.tooManyMessages, "Too many messages");
      if (room) handle(room, conn, data);
      else queued?.push(data);
    });
    socketsPerUser.set(identity.userId, (socketsPerUser.get(identity.userId) ?? 0) + 1);
    connections.add(conn);
    ws.on("close", () => {
      connections.delete(conn);
      socketsPerUser.set(identity.userId, (socketsPerUser.get(identity.userId) ?? 1) - 1);
      queued = null;
      if (!room) return;
      room.leave(conn);
      rooms.release(room);
    });
    ws.on("error", () => ws.terminate());
    ws.on("pong", () => (conn.alive = true));
    let loaded: Room;
    try {
      loaded = await rooms.get(identity.canvasId);
    } catch (e) {
      log.error({ err: e, canvasId: identity.canvasId }, "collab: loading a canvas failed");
      ws.close(CLOSE.storageUnavailable, "The canvas could not be loaded");
      return;
    }
    if (ws.readyState !== ws.OPEN) return rooms.release(loaded); // gone while it loaded: unload if nobody else came
    loaded.join(conn);
    room = loaded;
    const early = queued ?? [];
    queued = null;
    for (const data of early) handle(room, conn, data);
  }

  /** Re-checks the role of a member whose access changed (in this or another process). */
  async function recheck(canvasId: string, userId: string | null) {
    for (const conn of connections) {
      if (conn.identity.canvasId !== canvasId || (userId && conn.identity.userId !== userId)) continue;
      if (!userId) {
        conn.socket.close(CLOSE.canvasGone, "The canvas was deleted");
        continue;
      }
      try {
        const { role } = await requireCanvasRole(opts.db, conn.identity.userId, canvasId, "viewer");
        if (role === conn.identity.role) continue;
        // Read-only at once (frames still arriving before the close are dropped), then closed:
        // the client reconnects under its new role, with tools and a document to match.
        conn.identity = { ...conn.identity, role };
        conn.readOnly = role === "viewer";
        conn.socket.close(CLOSE.roleChanged, "Your role on this canvas changed");
      } catch {
        conn.socket.close(CLOSE.revoked, "Your access to this canvas was removed");
      }
    }
  }

  /** Notifications sent while our LISTEN connection was away are lost: re-read what they would have said. */
  async function catchUp() {
    const members = new Map([...connections].map((c) => [`${c.identity.canvasId} ${c.identity.userId}`, c.identity]));
    for (const { canvasId, userId } of members.values()) await recheck(canvasId, userId).catch(() => {});
    await catchUpRooms();
  }

  /** Applies whatever is stored that our rooms lack, and passes it on (see `Room.catchUp`). */
  async function catchUpRooms() {
    for (const room of await rooms.loadedRooms()) {
      await room.catchUp().catch((e) => log.error({ err: e, canvasId: room.canvasId }, "collab: catching up failed"));
    }
  }

  // A socket that neither answered the last ping nor took any of what waits for it is gone, or has
  // stopped reading: it is cut off, and everything queued for it freed. One that is slowly reading a
  // large document keeps going, however long its pong waits behind the document.
  const heartbeat = setInterval(() => {
    for (const conn of connections) {
      const buffered = conn.socket.bufferedAmount;
      const progressed = buffered < conn.lastBuffered;
      conn.lastBuffered = buffered;
      if (!conn.alive && !progressed) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  const OWN_ANNOUNCEMENT = `${PROCESS_TAG} `;
  const listener = listen(opts.databaseUrl, {
    [ACCESS_CHANNEL]: (payload) => {
      const change = parseAccessChange(payload);
      if (!change) return log.error("collab: unreadable access notification");
      void recheck(change.canvasId, change.userId);
    },
    [SESSION_CHANNEL]: (payload) => {
      const sessionId = parseSessionEnded(payload);
      if (!sessionId) return;
      for (const conn of connections) if (conn.identity.sessionId === sessionId) conn.socket.close(CLOSE.signedOut, "Signed out");
    },
    [DOC_CHANNEL]: (payload) => {
      if (payload.startsWith(OWN_ANNOUNCEMENT)) return; // our own edits are already applied and sent
      const doc = parseDocAnnouncement(payload);
      if (!doc || doc.tag === PROCESS_TAG) return; // our own edits are already applied and sent
      for (const { canvasId, from, to, updates } of doc.ranges) void rooms.loaded(canvasId)?.then((room) => room.receiveRemote(from, to, updates)).catch(() => {});
    },
    [PEERS_CHANNEL]: (payload) => peers.heard(payload),
    [AWARENESS_CHANNEL]: (payload) => {
      const notice = parseAwarenessNotice(payload);
      if (!notice || notice.tag === PROCESS_TAG) return;
      void rooms
        .loaded(notice.canvasId)
        ?.then((room) => room.receiveRemoteAwareness(remoteAwarenessEntries(notice.update, limits.maxAwarenessStateBytes)))
        .catch(() => {});
    },
  }, { onReconnect: () => void catchUp() });
  void listener.ready.then(() => peers.start());
  // Remote cursors whose process went away without a word fade after the clients' own timeout.
  const awarenessSweep = setInterval(() => void rooms.loadedRooms().then((list) => list.forEach((r) => r.expireRemoteAwareness(Date.now() - limits.remoteAwarenessTtlMs))), Math.min(5_000, limits.remoteAwarenessTtlMs / 2));
  awarenessSweep.unref();

  return {
    rooms,
    // Stopping (SIGTERM): every socket is closed with "restarting", so clients reconnect (to another
    // web process, or this one started again) and their sync answers carry any edit that was still
    // in flight; what did arrive is stored before the pool ends.
    close: async () => {
      draining = true;
      clearInterval(heartbeat);
      clearInterval(awarenessSweep);
      peers.close();
      covers.stop();
      const closed = [...connections].map((c) => new Promise((resolve) => (c.socket.readyState === c.socket.CLOSED ? resolve(null) : c.socket.once("close", resolve))));
      for (const c of connections) c.socket.close(CLOSE.restarting, "The server is restarting");
      await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, limits.closeTimeoutMs))]);
      for (const c of connections) c.socket.terminate();
      await writer.idle();
      await listener.close();
      wss.close();
      await store.pool.end();
    },
  };
}

/** One message from a socket in its room; anything unreadable closes the socket. */
function handle(room: Room, conn: Connection, data: RawData): void {
  const ws = conn.socket;
  if (ws.readyState !== ws.OPEN) return; // closing: over the rate limit, refused, or revoked
  try {
    const msg = decodeMessage(toBytes(data));
    if (msg.type === "syncStep1") room.syncStep1(conn, msg.stateVector);
    else if (msg.type === "update") room.receiveUpdate(conn, msg.update);
    else if (msg.type === "awareness") room.receiveAwareness(conn, msg.update);
    else if (msg.type === "queryAwareness") room.queryAwareness(conn);
  } catch {
    ws.close(CLOSE.malformed, "Malformed message");
  }
}

/** Answers an upgrade with an HTTP error and lets go of the socket, whatever the client does next. */
function refuse(socket: Duplex, status: number, message: string) {
  if (socket.destroyed) return;
  const reason = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable" }[status] ?? "Error";
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`, () => socket.destroy());
  setTimeout(() => socket.destroy(), 5000).unref(); // a client that never reads
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
