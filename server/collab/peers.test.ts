import pg from "pg";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { canvasDocUpdates } from "@/db/schema";
import { canvasWith } from "@/test/collabCanvas";
import { connectProvider, eventually, startCollabProcess, synced } from "@/test/collabClients";
import { shapeRecord } from "@/test/designShapes";
import { createTestDb, type TestDb } from "@/test/testDb";
import { DOC_CHANNEL } from "../services/canvas/docStore";
import { PEERS_CHANNEL } from "./peers";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** Stands in for another web process: hears what the server says, and says what a process would. */
async function fakePeer() {
  const conn = new pg.Client(t.url);
  await conn.connect();
  const heard: { channel: string; payload: string }[] = [];
  // What this connection says itself comes back too: only others' is heard.
  conn.on("notification", (n) => n.processId !== (conn as unknown as { processID: number }).processID && heard.push({ channel: n.channel, payload: n.payload ?? "" }));
  await conn.query(`LISTEN "${PEERS_CHANNEL}"`);
  await conn.query(`LISTEN "${DOC_CHANNEL}"`);
  return {
    heard,
    say: (payload: string) => conn.query("select pg_notify($1, $2)", [PEERS_CHANNEL, payload]),
    end: () => conn.end(),
  };
}

const TAG = "deadbeef";

/** A collaboration process alone on the database, a client of it on a fresh canvas, and a fake peer listening. */
async function withLoneServer(test: (s: { id: string; c: ReturnType<typeof connectProvider>; peer: Awaited<ReturnType<typeof fakePeer>> }) => Promise<void>) {
  const { id, ownerCookie } = await canvasWith(t.db);
  const server = await startCollabProcess(t.url);
  const peer = await fakePeer();
  const c = connectProvider(server.port, id, ownerCookie);
  try {
    await synced(c.provider);
    await test({ id, c, peer });
  } finally {
    c.provider.destroy();
    await peer.end();
    await server.stop();
  }
}

const shapes = (doc: Y.Doc) => canvasDoc(doc).shapes;

describe("web processes that know of each other", () => {
  it("announce stored edits only once another process said hello, and welcome it", async () => {
    await withLoneServer(async ({ id, c, peer }) => {
      shapes(c.doc).set("alone", shapeRecord("alone", { x: 1 }));
      await eventually(async () => (await t.db.select().from(canvasDocUpdates)).some((r) => r.canvasId === id), 5000, "the edit stored");
      await new Promise((r) => setTimeout(r, 300));
      expect(peer.heard.filter((n) => n.channel === DOC_CHANNEL)).toEqual([]); // a lone process tells nobody

      await peer.say(TAG);
      await eventually(() => peer.heard.some((n) => n.channel === PEERS_CHANNEL && n.payload.endsWith(` ${TAG}`)), 5000, "a welcome");
      shapes(c.doc).set("shared", shapeRecord("shared", { x: 2 }));
      await eventually(() => peer.heard.some((n) => n.channel === DOC_CHANNEL && n.payload.includes(id)), 5000, "the edit announced");
    });
  }, 30_000);

  it("read their rooms' stored state again when welcomed: what the welcomer kept to itself before reaches their clients", async () => {
    await withLoneServer(async ({ id, c, peer }) => {
      // Learn the server's tag from its welcome of us.
      await peer.say(TAG);
      await eventually(() => peer.heard.some((n) => n.channel === PEERS_CHANNEL && n.payload.endsWith(` ${TAG}`)), 5000, "a welcome");
      const serverTag = peer.heard.find((n) => n.payload.endsWith(` ${TAG}`))!.payload.split(" ")[0]!;
      // An edit another process stored while it did not know of this one yet: never announced.
      const theirs = new Y.Doc();
      shapes(theirs).set("kept", shapeRecord("kept", { x: 3 }));
      await t.db.insert(canvasDocUpdates).values({ canvasId: id, update: Y.encodeStateAsUpdate(theirs) });
      await new Promise((r) => setTimeout(r, 300));
      expect(shapes(c.doc).has("kept")).toBe(false);
      // Then it hears of this one and welcomes it.
      await peer.say(`cafef00d ${serverTag}`);
      await eventually(() => shapes(c.doc).has("kept"), 5000, "the unannounced edit at the client");
    });
  }, 30_000);

  it("ignore what is not a hello or a welcome", async () => {
    await withLoneServer(async ({ id, c, peer }) => {
      for (const p of ["", "DEADBEEF", "deadbee", `${TAG} x`, `${TAG} ${TAG} ${TAG}`, "0123456789"]) await peer.say(p);
      await new Promise((r) => setTimeout(r, 300));
      expect(peer.heard.filter((n) => n.channel === PEERS_CHANNEL && n.payload.split(" ").length === 2)).toEqual([]); // nobody welcomed
      shapes(c.doc).set("alone", shapeRecord("alone", { x: 1 }));
      await new Promise((r) => setTimeout(r, 500));
      expect(peer.heard.filter((n) => n.channel === DOC_CHANNEL)).toEqual([]);
    });
  }, 30_000);
});
