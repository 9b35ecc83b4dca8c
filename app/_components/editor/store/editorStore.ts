import * as Y from "yjs";
import type { PrintArea } from "@/domain/catalog/catalog";
import { areaOfShape, artboardOf, FREE_ARTBOARD } from "@/domain/design/artboard";
import type { ToolId } from "../tools/tool";
import { orderedShapes } from "@/domain/document/canvasDoc";
import * as edits from "@/domain/document/edits";
import type { ShapePatch, ZMove } from "@/domain/document/edits";
import { createUndoManager, LOCAL, type CanvasDocument } from "./canvasDocument";
import { fitCamera, screenToWorld, shapeBox, unionBox, zoomAt, type Box, type Camera } from "./geometry";
import type { DocumentWriter } from "./documentWriter";
import type { GenerationSettings } from "@/domain/provenance";
import type { Shape } from "./shapeTypes";
import { StageBridge } from "./stageBridge";
import type { Guide } from "./snapping";

/** The editor's state: the shared document's shapes plus this user's own view of them. */
export type EditorState = {
  /** The shapes on the artboard in view (all of them on a free canvas). */
  readonly shapes: Shape[];
  /** The print areas of the canvas's product (none for a free artboard) and the one in view. */
  readonly areas: readonly PrintArea[];
  readonly area: PrintArea | null;
  readonly artboard: Box;
  /** The artboard's colour: the product's (a navy tee is navy behind the print), white when free. */
  readonly backdrop: string;
  readonly selection: ReadonlySet<string>;
  /** The camera at rest; gestures move the live view (`store.view()`) ahead of it. */
  readonly camera: Camera;
  readonly viewport: { width: number; height: number };
  readonly tool: ToolId;
  readonly draft: Shape | null;
  readonly marquee: Box | null;
  readonly guides: Guide[];
  readonly editingText: { shape: Shape; isNew: boolean } | null;
  readonly clipboard: { shapes: Shape[] } | null;
  readonly help: boolean;
  readonly spacePan: boolean;
  /** The dock a feature adds at the left (generation): open, closed, or null for the layout's default. */
  readonly dockOpen: boolean | null;
  /** An image's settings to make more like it, handed to the dock (`nonce` tells a repeat apart). */
  readonly reuse: { settings: GenerationSettings; nonce: number } | null;
};

type Listener = () => void;

/** The view comes to rest this long after the last gesture frame; then React catches up. */
const SETTLE_MS = 150;

/**
 * One object that owns the editor: document access, selection, camera, tool, drafts, clipboard
 * and undo, in the manner of tldraw's `Editor`; the only client code that writes the shared
 * document (through `domain/document`'s edits). It changes only through its methods (the named
 * actions); React subscribes to the slices it draws with `useEditor`, and tools and gestures
 * drive it without React or a DOM. It implements what tools (`ToolContext`) and commands
 * (`EditorApi`) need, so both take the store itself.
 */
export class EditorStore implements DocumentWriter {
  readonly undoManager: Y.UndoManager;
  private state: EditorState;
  private readonly listeners = new Set<Listener>();
  private readonly viewListeners = new Set<(view: Camera, resting: boolean) => void>();
  private live: Camera;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private fitted = false;
  /** The stage's side: export, the artboard's bitmap, gesture previews. */
  readonly stage = new StageBridge();
  private readonly onDocChange = () => this.syncShapes();

  /** `carry` keeps the view of the store this one replaces (a new session after a role change). */
  constructor(
    readonly canvas: CanvasDocument,
    readonly readOnly: boolean,
    carry?: EditorStore,
  ) {
    this.undoManager = createUndoManager(canvas);
    const camera = carry ? carry.camera() : { x: 0, y: 0, scale: 0.5 };
    this.fitted = !!carry?.fitted;
    this.live = camera;
    this.state = {
      shapes: orderedShapes(canvas),
      areas: [],
      area: null,
      artboard: FREE_ARTBOARD,
      backdrop: "#ffffff",
      selection: new Set(),
      camera,
      viewport: carry ? carry.getState().viewport : { width: 800, height: 600 },
      tool: "select",
      draft: null,
      marquee: null,
      guides: [],
      editingText: null,
      clipboard: null,
      help: false,
      spacePan: false,
      dockOpen: null,
      reuse: null,
    };
    canvas.doc.on("afterTransaction", this.onDocChange);
  }

  dispose(): void {
    this.canvas.doc.off("afterTransaction", this.onDocChange);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.undoManager.destroy();
    this.listeners.clear();
    this.viewListeners.clear();
    this.stage.clear();
  }

  // ── subscription ────────────────────────────────────────────────────────────
  getState = (): EditorState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every live camera move (gesture frames included), for the stage to follow without React. */
  onView(listener: (view: Camera, resting: boolean) => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  private set(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  // ── document ────────────────────────────────────────────────────────────────
  shapes = (): Shape[] => this.state.shapes;

  selection = (): Set<string> => this.state.selection as Set<string>;

  selectedShapes(): Shape[] {
    return this.state.shapes.filter((s) => this.state.selection.has(s.id));
  }

  /** Re-reads the shapes after any transaction (ours or a collaborator's) and drops selected ids that are gone. */
  private syncShapes(): void {
    const { areas, area } = this.state;
    const all = orderedShapes(this.canvas);
    const shapes = area ? all.filter((s) => areaOfShape(s, areas) === area.id) : all;
    const ids = new Set(shapes.map((s) => s.id));
    const selection = [...this.state.selection].some((id) => !ids.has(id)) ? new Set([...this.state.selection].filter((id) => ids.has(id))) : this.state.selection;
    this.set({ shapes, selection });
  }

  /**
   * The only writes the editor makes to the shared document, tagged as this user's (undo tracks
   * them). A viewer's store writes nothing. New shapes land on the print area in view.
   */
  addShapes = (shapes: Shape[]): void => {
    if (this.readOnly || !shapes.length) return;
    const area = this.canvas.target.area;
    edits.addShapes(this.canvas, area ? shapes.map((s) => ({ ...s, area })) : shapes, LOCAL);
  };

  updateShapes = (ids: Iterable<string>, patch: ShapePatch | ((s: Shape) => ShapePatch)): void => {
    if (!this.readOnly) edits.updateShapes(this.canvas, ids, patch, LOCAL);
  };

  deleteShapes = (ids: Iterable<string>): void => {
    if (!this.readOnly) edits.deleteShapes(this.canvas, ids, LOCAL);
  };

  /** Moves the selection (or `ids`) up or down the stack. */
  reorder = (move: ZMove, ids: ReadonlySet<string> = this.selection()): void => {
    if (!this.readOnly) edits.reorder(this.canvas, ids, move, LOCAL);
  };

  // ── product artboards ───────────────────────────────────────────────────────
  /**
   * The canvas's print areas (empty: a free artboard). The area in view stays when the product
   * still has it, else the first; new shapes land on the area in view.
   */
  setAreas(areas: readonly PrintArea[]): void {
    const same = areas.length === this.state.areas.length && areas.every((a, i) => a.id === this.state.areas[i]!.id && a.widthMm === this.state.areas[i]!.widthMm && a.heightMm === this.state.areas[i]!.heightMm);
    if (same) return;
    const keep = areas.find((a) => a.id === this.state.area?.id);
    this.showArea(areas, keep ?? areas[0] ?? null);
  }

  setBackdrop(backdrop: string): void {
    if (backdrop !== this.state.backdrop) this.set({ backdrop });
  }

  /** Shows another print area's artboard (front, back…), fitted in view. */
  setActiveArea = (id: string): void => {
    const area = this.state.areas.find((a) => a.id === id);
    if (area && area.id !== this.state.area?.id) this.showArea(this.state.areas, area);
  };

  private showArea(areas: readonly PrintArea[], area: PrintArea | null): void {
    const artboard = area ? artboardOf(area) : FREE_ARTBOARD;
    this.canvas.target.area = area?.id ?? null;
    this.state = { ...this.state, areas, area, artboard, selection: new Set(), draft: null, editingText: null };
    this.syncShapes();
    if (this.fitted) this.setCamera(fitCamera(artboard, this.state.viewport));
  }

  // ── selection and tools ─────────────────────────────────────────────────────
  select = (ids: string[]): void => {
    const next = new Set(ids);
    const cur = this.state.selection;
    if (next.size === cur.size && [...next].every((id) => cur.has(id))) return;
    this.set({ selection: next });
  };

  /** Viewers keep to the tools that change nothing. */
  setTool = (tool: ToolId): void => {
    this.set({ tool: this.readOnly && tool !== "select" && tool !== "hand" ? "select" : tool });
  };

  cancelAll(): void {
    this.set({ selection: new Set(), tool: "select" });
  }

  setDraft = (draft: Shape | null): void => this.set({ draft });

  setMarquee = (marquee: Box | null): void => this.set({ marquee });

  artboard = (): Box => this.state.artboard;
  backdrop = (): string => this.state.backdrop;

  previewPositions = (positions: ReadonlyMap<string, { x: number; y: number }> | null): void => this.stage.previewPositions(positions);

  setGuides(guides: Guide[]): void {
    if (!guides.length && !this.state.guides.length) return;
    this.set({ guides });
  }

  setSpacePan(spacePan: boolean): void {
    if (spacePan !== this.state.spacePan) this.set({ spacePan });
  }

  /** An existing text shape's id, or a new text shape that is added only once it has text. */
  startTextEdit = (target: string | Shape): void => {
    const shape = typeof target === "string" ? this.state.shapes.find((s) => s.id === target) : target;
    if (!shape) return;
    this.undoManager.stopCapturing();
    this.set({ editingText: { shape, isNew: typeof target !== "string" } });
  };

  endTextEdit(keptId: string | null): void {
    this.undoManager.stopCapturing();
    this.set({ editingText: null, ...(keptId ? { selection: new Set([keptId]) } : {}) });
  }

  /** Ends the current undo step, so that each gesture undoes on its own. */
  checkpoint = (): void => this.undoManager.stopCapturing();

  undo = (): void => void this.undoManager.undo();

  redo = (): void => void this.undoManager.redo();


  get clipboard(): { shapes: Shape[] } | null {
    return this.state.clipboard;
  }

  setClipboard = (clipboard: { shapes: Shape[] } | null): void => this.set({ clipboard });

  toggleHelp = (): void => this.set({ help: !this.state.help });

  setHelp(help: boolean): void {
    this.set({ help });
  }

  setDockOpen = (dockOpen: boolean): void => this.set({ dockOpen });

  /** Opens the dock with an image's settings in its form. */
  reuseSettings = (settings: GenerationSettings): void => this.set({ dockOpen: true, reuse: { settings, nonce: (this.state.reuse?.nonce ?? 0) + 1 } });

  // ── camera ──────────────────────────────────────────────────────────────────
  /** The camera the stage shows right now, ahead of `state.camera` while a gesture moves it. */
  camera = (): Camera => this.live;

  /** Jumps the view and the resting camera at once (buttons, shortcuts, fit). */
  setCamera = (camera: Camera): void => {
    this.live = camera;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    for (const l of this.viewListeners) l(camera, true);
    this.set({ camera });
  };

  /**
   * Moves the live view during a gesture. React hears of it only once the view rests: re-rendering
   * on every frame costs a walk over every shape's fiber, which at thousands of shapes is most of
   * a frame.
   */
  moveCamera = (camera: Camera): void => {
    this.live = camera;
    for (const l of this.viewListeners) l(camera, false);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      for (const l of this.viewListeners) l(this.live, true);
      this.set({ camera: this.live });
    }, SETTLE_MS);
  };

  screenToWorld(p: { x: number; y: number }): { x: number; y: number } {
    return screenToWorld(this.live, p);
  }

  viewportCentre(): { x: number; y: number } {
    const { width, height } = this.state.viewport;
    return this.screenToWorld({ x: width / 2, y: height / 2 });
  }

  /** The stage's size; the first real size fits the artboard in view. */
  setViewport(viewport: { width: number; height: number }): void {
    this.set({ viewport });
    if (!this.fitted && viewport.width >= 100) {
      this.fitted = true;
      this.setCamera(fitCamera(this.state.artboard, viewport));
    }
  }

  zoomBy = (factor: number): void => {
    const { width, height } = this.state.viewport;
    this.setCamera(zoomAt(this.live, { x: width / 2, y: height / 2 }, factor));
  };

  zoomToFit = (): void => this.setCamera(fitCamera(unionBox(this.state.shapes.map(shapeBox)) ?? this.state.artboard, this.state.viewport));

  zoomTo100 = (): void => {
    const { width, height } = this.state.viewport;
    // Exactly 1, which `scale × (1 / scale)` need not be.
    this.setCamera({ ...zoomAt(this.live, { x: width / 2, y: height / 2 }, 1 / this.live.scale), scale: 1 });
  };

  exportPng = (pixelRatio: 1 | 2): void => this.stage.exportPng(pixelRatio);
}
