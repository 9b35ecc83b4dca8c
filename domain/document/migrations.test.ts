import { describe, expect, it } from "vitest";
import { checkClientWrite } from "./clientWrites";
import { parseShapeRecord } from "./migrations";
import { SHAPE_LIMITS, SHAPE_VERSION } from "./shape";

const ASSET = "/api/assets/0a1b2c3d-0000-4000-8000-000000000001";
const record = { v: SHAPE_VERSION, id: "s1", type: "rect", x: 1, y: 2, width: 3, height: 4, rotation: 0, opacity: 1, fill: "#fff", stroke: "#000", strokeWidth: 0, locked: false, hidden: false, name: "Rect", groupId: null };
const provenance = { generationId: "g", prompt: "a red heart", negativePrompt: "", seed: 1, steps: 20, guidance: 7, scheduler: "ddim", width: 64, height: 64, model: "m", modelHash: "h", provider: "cpu", durationMs: 5 };

const reason = (raw: unknown) => {
  const r = parseShapeRecord(raw);
  return r.ok ? null : r.reason;
};

describe("shape records", () => {
  it("accepts every type's record as the editor writes it", () => {
    expect(parseShapeRecord(record)).toEqual({ ok: true, shape: record });
    const text = { ...record, type: "text", text: "안녕", fontSize: 40, fontFamily: "Inter", fontStyle: "bold", align: "left" };
    expect(parseShapeRecord(text).ok).toBe(true);
    expect(parseShapeRecord({ ...record, type: "draw", points: [0, 0, 5.5, -3] }).ok).toBe(true);
    expect(parseShapeRecord({ ...record, type: "image", src: ASSET, crop: null }).ok).toBe(true);
  });

  it("refuses wrong field types, unknown fields and types, huge strings, foreign image sources", () => {
    expect(reason({ ...record, x: "12" })).toMatch(/^rect\.x:/);
    expect(reason({ ...record, x: Number.NaN })).toMatch(/^rect\.x:/);
    expect(reason({ ...record, locked: "no" })).toMatch(/^rect\.locked:/);
    expect(reason({ ...record, script: "alert(1)" })).toMatch(/^rect\.\(record\)|script/);
    expect(reason({ ...record, type: "iframe" })).toMatch(/unknown shape type/);
    expect(reason({ ...record, name: "x".repeat(SHAPE_LIMITS.name + 1) })).toMatch(/^rect\.name:/);
    expect(reason({ ...record, type: "text", text: "x".repeat(SHAPE_LIMITS.text + 1) })).toMatch(/^text\.text:/);
    expect(reason({ ...record, type: "draw", points: Array(SHAPE_LIMITS.points + 2).fill(0) })).toMatch(/^draw\.points:/);
    expect(reason({ ...record, type: "image", src: "https://tracker.example/pixel.png" })).toMatch(/^image\.src:/);
    expect(reason({ ...record, type: "image" })).toMatch(/^image\.src:/);
    expect(reason({ ...record, crop: { x: 0, y: 0, width: 1, height: 1, extra: 1 } })).toMatch(/^rect\.crop/);
    expect(reason({ ...record, v: SHAPE_VERSION + 1 })).toMatch(/unknown shape version/);
    expect(reason([record])).toMatch(/plain JSON object/);
    expect(reason(new Map())).toMatch(/plain JSON object/);
  });

  it("migrates a stored version 1 record: it gains its version, drops the provenance copy, and long fields are cut to fit", () => {
    const { v: _v, ...v1 } = { ...record, type: "image", src: ASSET };
    expect(parseShapeRecord({ ...v1, provenance })).toEqual({ ok: true, shape: { ...v1, v: SHAPE_VERSION } });
    expect(parseShapeRecord({ ...v1, provenance: { steps: "many" } })).toEqual({ ok: true, shape: { ...v1, v: SHAPE_VERSION } });
    const long = parseShapeRecord({ ...v1, type: "draw", name: "n".repeat(300), points: Array(SHAPE_LIMITS.points + 3).fill(1) });
    expect(long.ok && [long.shape.name.length, long.shape.points!.length]).toEqual([SHAPE_LIMITS.name, SHAPE_LIMITS.points]);
    // Version 1's schema still applies to its fields; version 2 has no provenance.
    expect(reason({ ...v1, x: "1" })).toMatch(/^image\.x/);
    expect(reason({ ...record, provenance })).toMatch(/^image|^rect/);
  });
});

describe("what a collaborator may write", () => {
  it("a valid record under its own id in shapes, shape ids in order, nothing in meta or elsewhere", () => {
    expect(checkClientWrite({ root: "shapes", key: "s1", value: record })).toEqual({ ok: true, shape: record });
    expect(checkClientWrite({ root: "shapes", key: "s2", value: record })).toMatchObject({ ok: false, reason: expect.stringMatching(/own id/) });
    expect(checkClientWrite({ root: "shapes", key: null, value: record }).ok).toBe(false);
    expect(checkClientWrite({ root: "order", key: null, value: "s1" }).ok).toBe(true);
    expect(checkClientWrite({ root: "order", key: null, value: { id: "s1" } }).ok).toBe(false);
    expect(checkClientWrite({ root: "order", key: null, value: "x".repeat(SHAPE_LIMITS.id + 1) }).ok).toBe(false);
    expect(checkClientWrite({ root: "meta", key: "product", value: null })).toMatchObject({ ok: false, reason: expect.stringMatching(/server/) });
    expect(checkClientWrite({ root: "notes", key: "a", value: 1 }).ok).toBe(false);
    // A client writes this version's records only: version 1's leniency is for what is stored.
    const { v: _v, ...v1 } = record;
    expect(checkClientWrite({ root: "shapes", key: "s1", value: { ...v1, name: "x".repeat(100_000) } })).toMatchObject({ ok: false, reason: expect.stringMatching(/version/) });
  });
});
