import type { DocumentWriter } from "../store/documentWriter";
import type { Box, Camera } from "../store/geometry";
import type { Shape } from "../store/shapeTypes";
import type { Guide } from "../store/snapping";

export type ToolId = "select" | "hand" | "rect" | "ellipse" | "text" | "line" | "arrow" | "draw";
export type Point = { x: number; y: number };
export type PointerInfo = { world: Point; screen: Point; shift: boolean; targetId: string | null };

/** What a tool may read and do; the editor store implements it, tools never touch React or the DOM. */
export interface ToolContext extends DocumentWriter {
  readonly readOnly: boolean;
  shapes(): Shape[];
  selection(): Set<string>;
  select(ids: string[]): void;
  setDraft(shape: Shape | null): void;
  setMarquee(box: Box | null): void;
  setGuides(guides: Guide[]): void;
  /** The artboard in view, which moving shapes snap to. */
  artboard(): Box;
  /** The artboard's colour (the product's), which new text is made to read on. */
  backdrop(): string;
  /** Shows shapes at these positions while a gesture moves them, without writing the document; null: as stored. */
  previewPositions(positions: Map<string, Point> | null): void;
  setTool(tool: ToolId): void;
  /** An existing text shape's id, or a new text shape that is added only once it has text. */
  startTextEdit(target: string | Shape): void;
  /** Ends the current undo step, so that each gesture undoes on its own. */
  checkpoint(): void;
  /** The live camera. */
  camera(): Camera;
  /** Moves the live camera during a gesture; it comes to rest by itself. */
  moveCamera(camera: Camera): void;
}

export interface Tool {
  readonly cursor: string;
  down(ctx: ToolContext, p: PointerInfo): void;
  move(ctx: ToolContext, p: PointerInfo): void;
  up(ctx: ToolContext, p: PointerInfo): void;
  /** Drops a gesture in progress without committing it (a second finger turned it into a pinch). */
  cancel(ctx: ToolContext): void;
  /** A selection handle was grabbed: the transformer resizes, the tool waits for the release. */
  grabHandle?(ctx: ToolContext): void;
}
