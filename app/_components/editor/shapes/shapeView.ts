import type { Shape } from "../store/shapeTypes";

/** The Konva attributes every shape's node carries (identity, transform, events), set by ShapeNode. */
export type CommonNodeProps = Record<string, unknown>;

export type ShapeViewProps = { shape: Shape; common: CommonNodeProps; editingText: boolean };
