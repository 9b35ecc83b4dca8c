import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Fanout } from "./fanout";

/** An update that sets `key` in a fresh document's map. */
function edit(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("m").set(key, key);
  return Y.encodeStateAsUpdate(doc);
}

describe("a room's fan-out", () => {
  it("sends a change after a quiet spell at once, and changes during the interval merged, once", async () => {
    const sent: Uint8Array[] = [];
    const fanout = new Fanout((u) => sent.push(u), 30);
    fanout.push(edit("a"));
    expect(sent).toHaveLength(1); // no waiting when the room was quiet
    fanout.push(edit("b"));
    fanout.push(edit("c"));
    expect(sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toHaveLength(2);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, sent[1]!);
    expect([...doc.getMap("m").keys()].sort()).toEqual(["b", "c"]);
  });

  it("sends nothing more once disposed", async () => {
    const sent: Uint8Array[] = [];
    const fanout = new Fanout((u) => sent.push(u), 30);
    fanout.push(edit("a"));
    fanout.push(edit("b"));
    fanout.dispose();
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toHaveLength(1);
  });
});
