import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Db } from "@/db/client";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { addShapes } from "@/domain/document/edits";
import { SHAPE_VERSION, type Shape } from "@/domain/document/shape";

/** Writes shapes into the canvas's stored document as a collaborator's edit would be stored. */
export async function writeShapes(db: Db, canvasId: string, shapes: Shape[]) {
  const doc = new Y.Doc();
  addShapes(canvasDoc(doc), shapes);
  await db.execute(sql`insert into canvas_doc_updates (canvas_id, update) values (${canvasId}, ${Buffer.from(Y.encodeStateAsUpdate(doc))})`);
}

/** A valid shape record stored under `id` (a small red rectangle unless `patch` says otherwise), as the editor writes one. */
export function shapeRecord(id: string, patch: Partial<Shape> = {}): Shape {
  return { v: SHAPE_VERSION, id, type: "rect", x: 0, y: 0, width: 10, height: 10, rotation: 0, opacity: 1, fill: "#ff0000", stroke: "#000000", strokeWidth: 0, locked: false, hidden: false, name: id, groupId: null, ...patch };
}

/** A filled 100 × 100 rectangle with a fresh id, red unless told otherwise. */
export const rect = (patch: Partial<Shape>): Shape => shapeRecord(randomUUID(), { width: 100, height: 100, name: "Rect", ...patch });
