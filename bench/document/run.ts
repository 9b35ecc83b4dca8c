import * as Y from "yjs";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { addShapes, updateShapes } from "@/domain/document/edits";
import type { Shape } from "@/domain/document/shape";
import { DocumentGate } from "@/server/collab/documentGate";
import { shapeRecord } from "@/test/designShapes";
import { table } from "../lib/load";

/**
 * What checking a collaborator's edit costs the collaboration server, in CPU per edit, apart from
 * the machine: the gate (find where each value lands, check it against the record schema) beside
 * what the room pays for every edit anyway (decoding it, and applying it to the document). Edits
 * are a drag (one record rewritten per frame) and a paste of 50 shapes, into a canvas of 2,000.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const EDITS = 2000;

const shape = (i: number): Shape =>
  shapeRecord(`s${i}`, {
    type: i % 3 === 0 ? "text" : "rect",
    ...(i % 3 === 0 ? { text: `Label ${i}`, fontSize: 32, fontFamily: "Inter", fontStyle: "bold" as const, align: "left" as const } : {}),
    x: (i * 37) % 1100,
    y: (i * 53) % 1100,
    width: 80,
    height: 40,
    fill: "#7950f2",
    name: `Shape ${i}`,
  });

/** The stored canvas every run starts from: 2,000 shapes. */
const base = (() => {
  const doc = new Y.Doc();
  addShapes(canvasDoc(doc), Array.from({ length: 2000 }, (_, i) => shape(i)));
  return Y.encodeStateAsUpdate(doc);
})();

const loaded = () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  return doc;
};

function record(kind: "drag" | "paste"): Uint8Array[] {
  const client = canvasDoc(loaded());
  const updates: Uint8Array[] = [];
  client.doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < EDITS; i++) {
    if (kind === "drag") updateShapes(client, [`s${i % 20}`], (s) => ({ x: s.x + 1, y: s.y + 1 }));
    else addShapes(client, Array.from({ length: 50 }, (_, k) => ({ ...shape(10_000 + i * 50 + k) })));
  }
  return updates;
}

/** CPU microseconds per edit for `work` over every update, each on a fresh server document. */
function perEdit(updates: Uint8Array[], work: (server: Y.Doc, gate: DocumentGate, u: Uint8Array) => void): number {
  const server = loaded();
  const gate = new DocumentGate(server);
  const t0 = process.cpuUsage();
  for (const u of updates) work(server, gate, u);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / updates.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: (string | number)[][] = [];
for (const kind of ["drag", "paste"] as const) {
  const updates = record(kind);
  const decode: number[] = [];
  const apply: number[] = [];
  const gate: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    decode.push(perEdit(updates, (_s, _g, u) => void Y.decodeUpdate(u)));
    // Accepted and applied in order, as the room does once each edit is stored.
    gate.push(
      perEdit(updates, (s, g, u) => {
        const checked = g.check(u, Y.decodeUpdate(u));
        if (!checked.ok) throw new Error(checked.reason);
        Y.applyUpdate(s, u);
        g.release(u);
      }) - perEdit(updates, (s, _g, u) => Y.applyUpdate(s, u)),
    );
    apply.push(perEdit(updates, (s, _g, u) => (Y.decodeUpdate(u), Y.applyUpdate(s, u))));
  }
  // The room decoded every edit before the gate existed: the gate's own cost is what it adds to that.
  const check = median(gate) - median(decode);
  rows.push([kind, updates.length, median(decode), median(apply), check, check / median(apply)]);
}
console.log(`\nThe document gate's CPU per edit (median of ${ROUNDS} rounds), beside what the room pays per edit anyway\n`);
console.log(table(["edit", "edits", "decode µs", "decode + apply µs (reference)", "check µs (gate, less its decode)", "check / reference"], rows));
