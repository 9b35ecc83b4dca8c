import net from "node:net";
import pg from "pg";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets } from "@/db/schema";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { META_KEYS } from "@/domain/document/layout";
import { canvasWith as canvasWithRoles } from "@/test/collabCanvas";
import { closeCode, connectProvider, eventually, rawSocket, startCollabProcess, synced } from "@/test/collabClients";
import { shapeRecord } from "@/test/designShapes";
import { createTestDb, type TestDb } from "@/test/testDb";
import { loadDoc } from "../services/canvas/docStore";
import { encodeAwareness, encodeAwarenessUpdate, encodeSync, SYNC_STEP1 } from "./protocol";

/**
 * Any account can create a canvas and invite itself, so a signed-in member is not trusted: each
 * case here is something a modified client can send that the server must contain.
 */
let t: TestDb;
let server: Awaited<ReturnType<typeof startCollabProcess>>;
const cleanups: (() => void)[] = [];
const LIMITS = { maxAwarenessStateBytes: 2048, maxAwarenessClientIds: 3, maxMessagesPerSecond: 100, messageBurst: 300, maxBufferedBytes: 1 << 20 };

beforeAll(async () => {
  t = await createTestDb();
  server = await startCollabProcess(t.url, LIMITS);
});
afterAll(async () => {
  for (const c of cleanups) c();
  await server.stop();
  await t.close();
});

const canvasWith = (...roles: ("editor" | "viewer")[]) => canvasWithRoles(t.db, ...roles);
const shapes = (doc: Y.Doc) => canvasDoc(doc).shapes;
const stats = async (port = server.port) => (await (await fetch(`http://127.0.0.1:${port}/stats`)).json()) as { sockets: number; refusedImageSources: number; refusedRecords: number };

function client(canvasId: string, cookie: string) {
  const c = connectProvider(server.port, canvasId, cookie);
  cleanups.push(() => c.provider.destroy());
  return c;
}

/** Every awareness state a provider has been given for `clientId`, in order. */
function statesSeen(provider: ReturnType<typeof client>["provider"], clientId: number): unknown[] {
  const seen: unknown[] = [];
  provider.awareness.on("change", () => {
    const s = provider.awareness.getStates().get(clientId);
    if (s) seen.push(structuredClone(s));
  });
  return seen;
}

const awarenessFrame = (entries: { clientId: number; clock: number; state: Record<string, unknown> | null }[]) => encodeAwareness(encodeAwarenessUpdate(entries));

describe("awareness from a signed-in member", () => {
  it("drops a state our editor would never send, and relays the next valid one", async () => {
    const { id, ownerCookie, members } = await canvasWith("viewer");
    const viewer = client(id, members[0]!.cookie);
    const owner = client(id, ownerCookie);
    await Promise.all([synced(viewer.provider), synced(owner.provider)]);
    const seen = statesSeen(owner.provider, viewer.doc.clientID);
    viewer.provider.awareness.setLocalState({ selection: 1 });
    viewer.provider.awareness.setLocalState({ cursor: { x: "left" } });
    viewer.provider.awareness.setLocalState({ cursor: { x: 1, y: 2 }, selection: ["a"], script: "<img src=x>" });
    viewer.provider.awareness.setLocalState({ cursor: { x: 1, y: 2 }, selection: ["a"], moving: { dx: 1, dy: 2, html: "<b>" } });
    viewer.provider.awareness.setLocalState({ cursor: { x: 3, y: 4 }, selection: ["s1"], moving: { dx: 40, dy: -8 } });
    await eventually(() => seen.some((s) => (s as { cursor?: { x: number } }).cursor?.x === 3), 5000, "the valid state");
    expect(seen.map((s) => Object.keys(s as object).sort())).toEqual(seen.map(() => ["cursor", "moving", "selection", "user"]));
    expect(seen.every((s) => (s as { cursor: { x: number } }).cursor.x === 3)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ moving: { dx: 40, dy: -8 } });
  });

  it("drops a state larger than the limit", async () => {
    const { id, ownerCookie, members } = await canvasWith("editor");
    const editor = client(id, members[0]!.cookie);
    const owner = client(id, ownerCookie);
    await Promise.all([synced(editor.provider), synced(owner.provider)]);
    const seen = statesSeen(owner.provider, editor.doc.clientID);
    const ids = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    editor.provider.awareness.setLocalState({ cursor: null, selection: ids });
    editor.provider.awareness.setLocalState({ cursor: { x: 5, y: 5 }, selection: ids.slice(0, 2) });
    await eventually(() => seen.some((s) => (s as { cursor?: { x: number } | null }).cursor?.x === 5), 5000, "the small state");
    expect(seen.every((s) => (s as { selection: string[] }).selection.length === 2)).toBe(true);
  });

  it("lets one socket introduce only a few awareness client ids", async () => {
    const { id, ownerCookie, members } = await canvasWith("editor");
    const owner = client(id, ownerCookie);
    await synced(owner.provider);
    const flood = await rawSocket(server.port, id, members[0]!.cookie);
    const entries = Array.from({ length: 50 }, (_, i) => ({ clientId: 1_000 + i, clock: 1, state: { cursor: { x: i, y: 777 } } }));
    flood.send(awarenessFrame(entries));
    // Frames from one socket are handled in order: once this one arrives, the flood was handled.
    flood.send(awarenessFrame([{ clientId: 1_000, clock: 2, state: { cursor: { x: -1, y: 777 } } }]));
    const states = () => [...owner.provider.awareness.getStates().values()] as { cursor?: { x: number; y: number } | null }[];
    await eventually(() => states().some((s) => s.cursor?.x === -1), 5000, "the last frame");
    expect(states().filter((s) => s.cursor?.y === 777).length).toBe(LIMITS.maxAwarenessClientIds);
    flood.terminate();
  });
});

describe("a signed-in member's socket", () => {
  it("is closed when it sends messages faster than the rate limit", async () => {
    const { id, ownerCookie } = await canvasWith();
    const ws = await rawSocket(server.port, id, ownerCookie);
    const closed = closeCode(ws);
    for (let i = 0; i < 3000 && ws.readyState === ws.OPEN; i++) ws.send(Uint8Array.of(3)); // query awareness: cheap, answered every time
    expect(await closed).toBe(4429);
  });

  it("is closed when it stops reading while asking for the whole document again and again", async () => {
    const { id, ownerCookie } = await canvasWith();
    const owner = client(id, ownerCookie);
    await synced(owner.provider);
    for (let k = 0; k < 20; k++) shapes(owner.doc).set(`big${k}`, shapeRecord(`big${k}`, { type: "text", text: "x".repeat(10_000) }));
    await eventually(async () => shapes((await loadDoc(t.db, id)).doc).has("big19"), 5000, "the document stored");
    const before = (await stats()).sockets;
    const ws = await rawSocket(server.port, id, ownerCookie);
    await eventually(async () => (await stats()).sockets === before + 1, 5000, "the socket to join its room");
    const socket = (ws as unknown as { _socket: net.Socket })._socket;
    socket.pause(); // never reads: everything the server sends piles up in its buffers
    const closed = closeCode(ws);
    const request = encodeSync(SYNC_STEP1, Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < 250; i++) ws.send(request); // 250 × 200 kB of answers
    await eventually(async () => (await stats()).sockets === before, 15_000, "the server to drop the slow socket");
    socket.resume();
    // Cut off without a closing handshake (1006), or closed for asking too often, the close frame
    // read once it reads again: either way the server let go of it.
    expect([1006, 4429]).toContain(await closed);
  }, 30_000);
});

describe("document content from a signed-in editor", () => {
  async function asset(canvasId: string) {
    const [row] = await t.db.insert(assets).values({ canvasId, status: "ready", fileName: "a.png", contentType: "image/png", declaredSize: 10 }).returning({ id: assets.id });
    return `/api/assets/${row!.id}`;
  }

  it("refuses image sources other than this canvas's assets, counting each refusal", async () => {
    const { id, ownerCookie, members } = await canvasWith("editor");
    const other = await canvasWith();
    const ours = await asset(id);
    const theirs = await asset(other.id);
    const owner = client(id, ownerCookie);
    await synced(owner.provider);
    const before = await stats();
    const image = (key: string, src: unknown) => ({ ...shapeRecord(key, { type: "image" }), src });
    // Not an asset URL at all: the record's schema refuses it. Another canvas's asset: the room's asset check.
    for (const src of ["https://tracker.example/pixel.png", "//tracker.example/p.png", theirs, `${ours}/../../../x`, 42]) {
      const editor = connectProvider(server.port, id, members[0]!.cookie);
      await synced(editor.provider);
      const closed = closeCode(editor.provider.ws as unknown as import("ws").WebSocket);
      shapes(editor.doc).set("bad", image("bad", src));
      expect(await closed, String(src)).toBe(4422);
      editor.provider.destroy();
    }
    const editor = client(id, members[0]!.cookie);
    await synced(editor.provider);
    shapes(editor.doc).set("good", image("good", ours));
    await eventually(() => shapes(owner.doc).has("good"), 5000, "the asset image to reach the owner");
    expect([...shapes(owner.doc).keys()]).toEqual(["good"]);
    expect([...shapes((await loadDoc(t.db, id)).doc).keys()]).toEqual(["good"]);
    const after = await stats();
    expect(after.refusedImageSources).toBe(before.refusedImageSources + 1);
    expect(after.refusedRecords).toBe(before.refusedRecords + 4);
  });

  it("refuses each kind of malformed record, closing the socket with 4422 and keeping the stored document readable", async () => {
    const { id, ownerCookie, members } = await canvasWith("editor");
    const owner = client(id, ownerCookie);
    await synced(owner.provider);
    shapes(owner.doc).set("kept", shapeRecord("kept", { x: 7 }));
    await eventually(async () => shapes((await loadDoc(t.db, id)).doc).has("kept"), 5000, "the valid shape stored");
    const nested = () => {
      const m = new Y.Map<unknown>();
      m.set("id", "nested");
      m.set("src", new Y.Text("/api/assets/00000000-0000-4000-8000-000000000000"));
      return m;
    };
    const attacks: [string, (doc: Y.Doc) => void][] = [
      ["a nested shared type (a map holding a text src)", (d) => shapes(d).set("nested", nested())],
      ["a wrong field type", (d) => shapes(d).set("wrong", { ...shapeRecord("wrong"), x: "12" })],
      ["an unknown shape type", (d) => shapes(d).set("iframe", shapeRecord("iframe", { type: "iframe" as "rect" }))],
      ["a huge string", (d) => shapes(d).set("huge", shapeRecord("huge", { type: "text", text: "x".repeat(100_000) }))],
      ["an unknown field", (d) => shapes(d).set("extra", { ...shapeRecord("extra"), onclick: "alert(1)" })],
      ["a record under another id", (d) => shapes(d).set("alias", shapeRecord("kept", { x: 666 }))],
      ["an overwrite of a stored record that breaks it", (d) => shapes(d).set("kept", { ...shapeRecord("kept"), opacity: 5 })],
      ["a write to the server's meta map", (d) => canvasDoc(d).meta.set(META_KEYS.product, { productId: "mug", variantId: "x" })],
      ["a shared type outside the document's layout", (d) => d.getMap("notes").set("a", 1)],
      ["a non-id in the stacking order", (d) => (canvasDoc(d).order as Y.Array<unknown>).push([{ id: "kept" }])],
    ];
    const before = (await stats()).refusedRecords;
    for (const [what, attack] of attacks) {
      const editor = connectProvider(server.port, id, members[0]!.cookie);
      await synced(editor.provider);
      const closed = closeCode(editor.provider.ws as unknown as import("ws").WebSocket);
      attack(editor.doc);
      expect(await closed, what).toBe(4422);
      editor.provider.destroy();
    }
    expect((await stats()).refusedRecords).toBe(before + attacks.length);
    const stored = (await loadDoc(t.db, id)).doc;
    expect([...shapes(stored).keys()]).toEqual(["kept"]);
    expect(shapes(stored).get("kept")).toEqual(shapeRecord("kept", { x: 7 }));
    expect(canvasDoc(stored).meta.size).toBe(0);
    expect(stored.share.has("notes") ? stored.getMap("notes").size : 0).toBe(0);
    expect(canvasDoc(stored).order.toArray()).toEqual([]);
    // The room still serves the document, and a valid edit still goes through.
    const editor = client(id, members[0]!.cookie);
    await synced(editor.provider);
    expect(shapes(editor.doc).get("kept")).toEqual(shapeRecord("kept", { x: 7 }));
    shapes(editor.doc).set("kept", shapeRecord("kept", { x: 8 }));
    await eventually(() => (shapes(owner.doc).get("kept") as { x?: number } | undefined)?.x === 8, 5000, "the valid overwrite to reach the owner");
  });
});

describe("the server under hostile traffic", () => {
  it("closes upgrades to other paths, and survives a connection reset on one", async () => {
    const upgrade = (path: string) =>
      `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
    const held = net.connect(server.port, "127.0.0.1");
    held.on("error", () => {});
    let answer = "";
    held.on("data", (d) => (answer += d));
    const ended = new Promise<void>((r) => held.once("close", () => r()));
    held.write(upgrade("/elsewhere"));
    await eventually(() => held.closed, 5000, "the server to close the socket");
    await ended;
    expect(answer).toMatch(/^HTTP\/1\.1 404/);
    for (let i = 0; i < 20; i++) {
      const reset = net.connect(server.port, "127.0.0.1");
      reset.on("error", () => {});
      await new Promise((r) => reset.once("connect", r));
      reset.write(upgrade(i % 2 ? "/elsewhere" : "/collab/not-a-canvas"));
      await new Promise((r) => setImmediate(r));
      reset.resetAndDestroy();
    }
    const { id, ownerCookie } = await canvasWith();
    const probe = client(id, ownerCookie);
    await synced(probe.provider);
    expect(server.child.exitCode).toBeNull();
  });

  it("ignores unreadable notifications on every channel it listens to", async () => {
    const { id, ownerCookie, members } = await canvasWith("editor");
    const owner = client(id, ownerCookie);
    const editor = client(id, members[0]!.cookie);
    await Promise.all([synced(owner.provider), synced(editor.provider)]);
    const notifier = new pg.Client(t.url);
    await notifier.connect();
    const junk: [string, string][] = [
      ["canvas_access", "null"],
      ["canvas_access", "not json"],
      ["canvas_access", JSON.stringify({ canvasId: 5 })],
      ["canvas_access", JSON.stringify({ canvasId: id, userId: { toString: 1 } })],
      ["canvas_doc", "x"],
      ["canvas_doc", `tag ${id} one two`],
      ["canvas_doc", `tag ${id} 9007199254740993 -1`],
      ["session_ended", "x".repeat(1000)],
    ];
    for (const [channel, payload] of junk) await notifier.query("select pg_notify($1, $2)", [channel, payload]);
    await notifier.end();
    shapes(editor.doc).set("after-junk", shapeRecord("after-junk", { x: 1 }));
    await eventually(() => shapes(owner.doc).has("after-junk"), 5000, "an edit after the junk");
    expect(server.child.exitCode).toBeNull();
  });
});
