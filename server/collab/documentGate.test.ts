import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { addShapes, updateShapes } from "@/domain/document/edits";
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

const check = (gate: DocumentGate, u: Uint8Array) => gate.check(u, Y.decodeUpdate(u).structs);

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
    // Once the add is no longer pending (stored and applied, or refused), nothing can build on it here.
    gate.release(add!);
    expect(check(gate, drag!)).toEqual({ ok: false, reason: "an edit must build on the canvas's own document" });
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
});
