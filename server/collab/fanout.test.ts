import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DEFAULT_LIMITS } from "./limits";
import { Fanout, mergeIntervalMs } from "./fanout";

/** An update that sets `key` in a fresh document's map. */
function edit(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("m").set(key, key);
  return Y.encodeStateAsUpdate(doc);
}

describe("a room's fan-out", () => {
  it("sends a change after a quiet spell at once, and changes during the interval merged, once", async () => {
    const sent: Uint8Array[] = [];
    const fanout = new Fanout((u) => sent.push(u), () => 30);
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

  it("asks for the interval at each change: a change never overtakes one already waiting, and a zero interval merges nothing", async () => {
    const sent: Uint8Array[] = [];
    let interval = 10_000;
    const fanout = new Fanout((u) => sent.push(u), () => interval);
    fanout.push(edit("a"));
    fanout.push(edit("b")); // waits: the interval is long
    expect(sent).toHaveLength(1);
    interval = 0;
    fanout.push(edit("c")); // a timer is already set: merged with b, not sent ahead of it
    expect(sent).toHaveLength(1);
    fanout.dispose();
    const small = new Fanout((u) => sent.push(u), () => 0);
    small.push(edit("d"));
    small.push(edit("e"));
    expect(sent).toHaveLength(3); // no merging at all
  });

  it("merges a room of 200 into frames 4 ms apart by default, and holds a room of five back 0.1 ms at most", () => {
    expect(mergeIntervalMs(200, DEFAULT_LIMITS.fanoutWritesPerSecond)).toBe(4);
    expect(mergeIntervalMs(5, DEFAULT_LIMITS.fanoutWritesPerSecond)).toBe(0.1);
    expect(mergeIntervalMs(0, DEFAULT_LIMITS.fanoutWritesPerSecond)).toBe(0);
  });

  it("sends nothing more once disposed", async () => {
    const sent: Uint8Array[] = [];
    const fanout = new Fanout((u) => sent.push(u), () => 30);
    fanout.push(edit("a"));
    fanout.push(edit("b"));
    fanout.dispose();
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toHaveLength(1);
  });
});
