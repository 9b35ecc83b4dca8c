import type { DocumentWriter } from "../store/documentWriter";
import type { Camera } from "../store/geometry";
import type { Shape } from "../store/shapeTypes";
import type { ToolId } from "../tools";

/** What a command needs from the editor. */
export interface EditorApi extends DocumentWriter {
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
  clipboard: { shapes: Shape[] } | null;
  setClipboard(c: { shapes: Shape[] } | null): void;
  exportPng(pixelRatio: 1 | 2): void;
  toggleHelp(): void;
}
