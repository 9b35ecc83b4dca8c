import { describe, expect, it } from "vitest";
import { parseDocAnnouncement } from "./notifications";

const A = "0f8fad5b-d9cb-469f-a165-70867728950e";
const B = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("document announcements", () => {
  it("reads one range or several after the process tag", () => {
    expect(parseDocAnnouncement(`abcd1234 ${A} 5 7`)).toEqual({ tag: "abcd1234", ranges: [{ canvasId: A, from: 5, to: 7 }] });
    expect(parseDocAnnouncement(`abcd1234 ${A} 5 7 ${B.toUpperCase()} 8 8`)).toEqual({
      tag: "abcd1234",
      ranges: [
        { canvasId: A, from: 5, to: 7 },
        { canvasId: B, from: 8, to: 8 },
      ],
    });
  });

  it("reads a range's rows sent along in base64, in order", () => {
    const rows = [Buffer.from([1, 2, 3]).toString("base64"), Buffer.from([250, 251]).toString("base64")];
    expect(parseDocAnnouncement(`abcd1234 ${A} 5 6 =${rows.join(",")} ${B} 8 8`)).toEqual({
      tag: "abcd1234",
      ranges: [
        { canvasId: A, from: 5, to: 6, updates: [new Uint8Array([1, 2, 3]), new Uint8Array([250, 251])] },
        { canvasId: B, from: 8, to: 8 },
      ],
    });
    for (const payload of [`abcd1234 ${A} 5 6 =`, `abcd1234 ${A} 5 6 =AQ,`, `abcd1234 ${A} 5 6 =A*Q`, `abcd1234 =AQ ${A} 5 6`, `abcd1234 ${A} 5 6 =AQ =AQ`]) {
      expect(parseDocAnnouncement(payload), payload).toBeNull();
    }
  });

  it("refuses, whole, a payload with any part that is not a range", () => {
    for (const payload of ["", "abcd1234", `abcd1234 ${A} 5`, `abcd1234 ${A} 5 7 ${B} 8`, `abcd1234 not-a-uuid 5 7`, `abcd1234 ${A} -1 7`, `abcd1234 ${A} 5 7 ${B} 8 x`, `abcd1234 ${A} 5 7`.padEnd(8000, " ")]) {
      expect(parseDocAnnouncement(payload)).toBeNull();
    }
  });
});
