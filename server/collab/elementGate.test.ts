import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { addShapes } from "@/domain/document/edits";
import { elementSrc } from "@/domain/elements/elementSource";
import { shapeRecord } from "@/test/designShapes";
import { DocumentGate } from "./documentGate";

/** The gate of a server document, and a client synced to it whose edits are captured. */
function pair() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const edits: Uint8Array[] = [];
  client.on("update", (u: Uint8Array) => edits.push(u));
  return { client: canvasDoc(client), gate: new DocumentGate(server), edits };
}

const check = (gate: DocumentGate, u: Uint8Array) => gate.check(u, Y.decodeUpdate(u));

describe("the document gate and library elements", () => {
  it("accepts an image showing an element the library has, naming no asset", () => {
    const { gate, client, edits } = pair();
    addShapes(client, [shapeRecord("heart", { type: "image", src: elementSrc("twemoji-2764") })]);
    expect(check(gate, edits[0]!)).toEqual({ ok: true, assetIds: [] });
  });

  it("refuses an image showing a well-formed element id the library does not have", () => {
    const { gate, client, edits } = pair();
    addShapes(client, [shapeRecord("ghost", { type: "image", src: elementSrc("noto-10fff0") })]);
    expect(check(gate, edits[0]!)).toEqual({ ok: false, reason: "an image shows an element the library does not have" });
  });

  it("refuses an element address of another shape (the schema allows only the library's route)", () => {
    const { gate, client, edits } = pair();
    client.shapes.set("x", { ...shapeRecord("x", { type: "image" }), src: "/api/elements/noto-2764.svg?x=1" });
    expect(check(gate, edits[0]!)).toMatchObject({ ok: false });
  });
});
