import type { CanvasDocument, ZMove } from "../store/canvasDocument";
import type { Camera } from "../store/geometry";
import type { Shape } from "../store/shapeTypes";
import type { ToolId } from "../tools";

/** What a command needs from the editor. */
export interface EditorApi {
  canvas: CanvasDocument;
  readOnly: boolean;
  shapes(): Shape[];
  selection(): Set<string>;
  select(ids: string[]): void;
  setTool(tool: ToolId): void;
  undo(): void;
  redo(): void;
  zoomBy(factor: number): void;
  zoomToFit(): void;
  zoomTo100(): void;
  reorder(move: ZMove): void;
  clipboard: { shapes: Shape[] } | null;
  setClipboard(c: { shapes: Shape[] } | null): void;
  exportPng(pixelRatio: 1 | 2): void;
  toggleHelp(): void;
}
