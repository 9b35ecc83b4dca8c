import { describe, expect, it } from "vitest";
import { PROCESS_TAG } from "../services/canvas/docStore";
import { awarenessPayloads, remoteAwarenessEntries } from "./awarenessPeers";
import { MAX_NOTIFY_PAYLOAD, parseAwarenessNotice } from "./notifications";
import { encodeAwarenessUpdate } from "./protocol";

const CANVAS = "0f8fad5b-d9cb-469f-a165-70867728950e";
const cursor = (clientId: number, x: number) => ({ clientId, clock: 3, state: { cursor: { x, y: 1 }, user: { id: "u1", name: "Ann", color: "#f00", role: "editor" } } });

describe("awareness shared between web processes", () => {
  it("travels as one payload per room, read back to the same entries", () => {
    const entries = [cursor(1, 10), { clientId: 2, clock: 9, state: null }];
    const [payload, ...more] = awarenessPayloads(CANVAS, entries);
    expect(more).toEqual([]);
    const notice = parseAwarenessNotice(payload!)!;
    expect(notice).toMatchObject({ tag: PROCESS_TAG, canvasId: CANVAS });
    expect(remoteAwarenessEntries(notice.update, 16 * 1024)).toEqual(entries);
  });

  it("splits entries over payloads under Postgres's limit, and keeps one too large alone on its process", () => {
    const big = (clientId: number) => ({ clientId, clock: 1, state: { selection: Array.from({ length: 90 }, (_, i) => `shape-${clientId}-${i}-0123456789abcdef0123`) } });
    const huge = { clientId: 9, clock: 1, state: { selection: Array.from({ length: 300 }, (_, i) => `shape-${i}-0123456789abcdef0123456789`) } };
    const payloads = awarenessPayloads(CANVAS, [big(1), big(2), big(3), huge]);
    expect(payloads).toHaveLength(3);
    expect(payloads.every((p) => p.length <= MAX_NOTIFY_PAYLOAD)).toBe(true);
    expect(payloads.flatMap((p) => remoteAwarenessEntries(parseAwarenessNotice(p)!.update, 64 * 1024).map((e) => e.clientId))).toEqual([1, 2, 3]);
  });

  it("ignores a notice that is not one, and entries whose state no relay would send", () => {
    for (const p of ["", PROCESS_TAG, `${PROCESS_TAG} not-a-canvas AQ`, `${PROCESS_TAG} ${CANVAS} A*Q`, `${PROCESS_TAG} ${CANVAS} AQ extra`]) expect(parseAwarenessNotice(p), p).toBeNull();
    const odd = encodeAwarenessUpdate([
      { clientId: 1, clock: 1, state: [1, 2] as unknown as Record<string, unknown> },
      { clientId: 2, clock: 1, state: "text" as unknown as Record<string, unknown> },
      cursor(3, 1),
    ]);
    expect(remoteAwarenessEntries(odd, 16 * 1024).map((e) => e.clientId)).toEqual([3]);
  });
});
