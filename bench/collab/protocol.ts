import * as encoding from "lib0/encoding";
import { shapeRecord } from "@/test/designShapes";

export type Flavour = "yws" | "hocuspocus";

/** y-websocket frames, or Hocuspocus's, which carry the document name in front of each message. */
export function frame(flavour: Flavour, docName: string, write: (enc: encoding.Encoder) => void): Uint8Array {
  const enc = encoding.createEncoder();
  if (flavour === "hocuspocus") encoding.writeVarString(enc, docName);
  write(enc);
  return encoding.toUint8Array(enc);
}

export const syncStep1Empty = (flavour: Flavour, doc: string) =>
  frame(flavour, doc, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Uint8Array.of(0));
  });

export const update = (flavour: Flavour, doc: string, u: Uint8Array) =>
  frame(flavour, doc, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, u);
  });

export const hocuspocusAuth = (doc: string) =>
  frame("hocuspocus", doc, (e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, "");
  });

/**
 * An edit as the editor makes one: a whole shape record (our server checks it against the
 * document's schema), its send time stamped into the name.
 */
export const benchShape = (id: string, sentStamp: string) => shapeRecord(id, { x: 10, y: 20, width: 100, height: 80, name: sentStamp });

const TILDE = 0x7e;

/**
 * Every send timestamp (written as ~<epoch ms>~ inside a Yjs string) in a frame, found by a byte
 * scan without decoding Yjs, so the load generator stays cheap next to the server it measures.
 */
export function timestamps(buf: Buffer): number[] {
  const out: number[] = [];
  let i = buf.indexOf(TILDE);
  while (i >= 0 && i < buf.length - 15) {
    const j = buf.indexOf(TILDE, i + 14);
    if (j < 0) break;
    if (j - i <= 19) {
      const v = Number(buf.toString("latin1", i + 1, j));
      if (v > 1e12) {
        out.push(v);
        i = buf.indexOf(TILDE, j + 1);
        continue;
      }
    }
    i = buf.indexOf(TILDE, i + 1);
  }
  return out;
}

export const stamp = (ms: number) => `~${ms.toFixed(3)}~`;
