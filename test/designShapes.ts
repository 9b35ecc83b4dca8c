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

/** A filled rectangle shape, red unless told otherwise. */
export const rect = (patch: Partial<Shape>): Shape => ({
  v: SHAPE_VERSION,
  id: randomUUID(),
  type: "rect",
  x: 0,
  y: 0,
  width: 100,
  height: 100,
  rotation: 0,
  opacity: 1,
  fill: "#ff0000",
  stroke: "#000000",
  strokeWidth: 0,
  locked: false,
  hidden: false,
  name: "Rect",
  groupId: null,
  ...patch,
});
