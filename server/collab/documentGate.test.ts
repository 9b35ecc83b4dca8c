import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { addShapes, announceProduct, updateShapes } from "@/domain/document/edits";
import { shapeRecord } from "@/test/designShapes";
import { DocumentGate } from "./documentGate";

/** A server document and a client synced to it; the client's edits are captured, not applied to the server. */
function pair() {
  const server = new Y.Doc();
  addShapes(canvasDoc(server), [shapeRecord("base")]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const edits: Uint8Array[] = [];
  client.on("update", (u: Uint8Array) => edits.push(u));
  return { server, client: canvasDoc(client), gate: new DocumentGate(server), edits };
}

const check = (gate: DocumentGate, u: Uint8Array) => gate.check(u, Y.decodeUpdate(u));

describe("the document gate", () => {
  it("places an edit that builds on an accepted one still being stored (a drag right after an add), and names image assets", () => {
    const { gate, client, edits } = pair();
    const src = "/api/assets/0a1b2c3d-0000-4000-8000-00000000000a";
    addShapes(client, [shapeRecord("img", { type: "image", src })]);
    updateShapes(client, ["img"], { x: 40 });
    updateShapes(client, ["base"], { x: 5 });
    const [add, drag, other] = edits;
    expect(check(gate, add!)).toEqual({ ok: true, assetIds: ["0a1b2c3d-0000-4000-8000-00000000000a"] });
    expect(check(gate, drag!)).toMatchObject({ ok: true });
    expect(check(gate, other!)).toMatchObject({ ok: true });
    // Once they are no longer pending (refused, so never applied), nothing can build on them here.
    gate.release(add!);
    gate.release(drag!);
    updateShapes(client, ["img"], { x: 80 });
    expect(check(gate, edits[3]!)).toEqual({ ok: false, reason: "an edit must build on the canvas's own document" });
  });

  it("refuses an edit that builds on content the server never had", () => {
    const { gate, client, edits } = pair();
    addShapes(client, [shapeRecord("unseen")]);
    updateShapes(client, ["unseen"], { x: 1 });
    expect(check(gate, edits[1]!)).toMatchObject({ ok: false });
  });

  it("places every item of a long chain, whichever order its neighbours come in", () => {
    const { gate, client, edits } = pair();
    client.doc.transact(() => {
      for (let i = 0; i < 3000; i++) client.order.insert(0, [`id${i}`]); // each new one left of the last: rightOrigin chains
    });
    for (let i = 0; i < 300; i++) client.order.insert(i * 7, [`mid${i}`]);
    const merged = Y.mergeUpdates(edits);
    expect(check(gate, merged)).toEqual({ ok: true, assetIds: [] });
    expect(check(gate, Y.encodeStateAsUpdate(client.doc))).toEqual({ ok: true, assetIds: [] });
  });

  it("refuses what is not a record in its place, whatever the item's neighbours", () => {
    const { gate, client, edits } = pair();
    updateShapes(client, ["base"], { x: 2 });
    client.shapes.set("base", { ...shapeRecord("base"), x: "2" }); // its neighbour is the previous value: no parent named
    expect(check(gate, edits[0]!)).toMatchObject({ ok: true });
    expect(check(gate, edits[1]!)).toMatchObject({ ok: false, reason: expect.stringMatching(/^rect\.x/) });
  });

  it("looks a neighbour up where Yjs will: an update's own copy of an id the document has cannot move a value into meta", () => {
    const server = new Y.Doc();
    announceProduct(canvasDoc(server), { productId: "tee", variantId: "tee-white-m" });
    // The attacker's copy of the server's meta item, claiming to be in order, and an id built on it.
    const forged = new Y.Doc();
    forged.clientID = server.clientID;
    canvasDoc(forged).order.push(["a"]);
    canvasDoc(forged).order.insert(0, ["b"]);
    const update = Y.encodeStateAsUpdate(forged);
    // What Yjs would do with it: skip the copy, and put "b" beside the real item, outside order.
    const applied = new Y.Doc();
    Y.applyUpdate(applied, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(applied, update);
    expect(canvasDoc(applied).order.toArray()).toEqual([]);
    expect(check(new DocumentGate(server), update)).toEqual({ ok: false, reason: "meta is written by the server only" });
    // One item that starts inside what the document has: Yjs would splice its rest onto the meta item.
    const straddling = new Y.Doc();
    straddling.clientID = server.clientID;
    canvasDoc(straddling).order.push(["a", "b"]);
    expect(check(new DocumentGate(server), Y.encodeStateAsUpdate(straddling))).toEqual({ ok: false, reason: "an edit must continue where the canvas's document ends" });
  });

  it("checks where every item lands, deleted ones too, and refuses deleting the server's meta", () => {
    const { gate, client, edits, server } = pair();
    const junk = new Y.Doc();
    junk.getMap("junk").set("a", 1);
    junk.getMap("junk").delete("a");
    expect(check(gate, Y.encodeStateAsUpdate(junk))).toMatchObject({ ok: false, reason: expect.stringMatching(/not part of a canvas document/) });

    announceProduct(canvasDoc(server), { productId: "tee", variantId: "tee-white-m" });
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(server));
    edits.length = 0;
    client.meta.delete("product");
    expect(check(gate, edits[0]!)).toEqual({ ok: false, reason: "meta is written by the server only" });
    client.shapes.delete("base");
    expect(check(gate, edits[1]!)).toMatchObject({ ok: true });
  });
});

