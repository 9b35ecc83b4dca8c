import type { ShapePatch, ZMove } from "@/domain/document/edits";
import type { Shape } from "./shapeTypes";

/** The editor's writes to the shared document; the editor store implements them, nothing else writes. */
export interface DocumentWriter {
  addShapes(shapes: Shape[]): void;
  updateShapes(ids: Iterable<string>, patch: ShapePatch | ((s: Shape) => ShapePatch)): void;
  deleteShapes(ids: Iterable<string>): void;
  /** Moves the selection (or `ids`) up or down the stack. */
  reorder(move: ZMove, ids?: ReadonlySet<string>): void;
}
