/** The stage's drawing of the artboard, for previews: a bitmap of the design, and word of each redraw. */
export type ArtboardSource = {
  /** The artboard's shapes at `width` pixels wide, transparent where nothing is drawn. */
  render(width: number): HTMLCanvasElement | null;
  onDrawn(listener: () => void): () => void;
};

type Positions = ReadonlyMap<string, { x: number; y: number }>;

/**
 * What passes between the editor and its Konva stage outside React: how the stage exports and
 * draws the artboard (it registers them once it is up), and where a gesture shows shapes ahead of
 * the document (the stage moves its nodes, like the camera, without re-rendering).
 */
export class StageBridge {
  private exporter: ((pixelRatio: 1 | 2) => void) | null = null;
  private artboardSource: ArtboardSource | null = null;
  private readonly sourceListeners = new Set<() => void>();
  private readonly previewListeners = new Set<(positions: Positions | null) => void>();

  setExporter(exporter: ((pixelRatio: 1 | 2) => void) | null): void {
    this.exporter = exporter;
  }

  exportPng(pixelRatio: 1 | 2): void {
    this.exporter?.(pixelRatio);
  }

  setArtboardSource(source: ArtboardSource | null): void {
    this.artboardSource = source;
    for (const l of this.sourceListeners) l();
  }

  /** The stage's artboard source once the stage is up (listeners hear when it comes or goes). */
  getArtboardSource(): ArtboardSource | null {
    return this.artboardSource;
  }

  onArtboardSource(listener: () => void): () => void {
    this.sourceListeners.add(listener);
    return () => this.sourceListeners.delete(listener);
  }

  /**
   * Calls `listener` now and whenever the artboard is drawn again, following the stage's source as
   * it comes and goes (previews of the design use this); returns the way to stop.
   */
  followArtboard(listener: () => void): () => void {
    let offDrawn = () => {};
    const follow = () => {
      offDrawn();
      offDrawn = this.artboardSource?.onDrawn(listener) ?? (() => {});
      listener();
    };
    const offSource = this.onArtboardSource(follow);
    follow();
    return () => {
      offSource();
      offDrawn();
    };
  }

  /** Shapes shown where a gesture has them, ahead of the document (written once, on release); null: as stored. */
  previewPositions(positions: Positions | null): void {
    for (const l of this.previewListeners) l(positions);
  }

  onPreview(listener: (positions: Positions | null) => void): () => void {
    this.previewListeners.add(listener);
    return () => this.previewListeners.delete(listener);
  }

  clear(): void {
    this.exporter = null;
    this.artboardSource = null;
    this.sourceListeners.clear();
    this.previewListeners.clear();
  }
}
