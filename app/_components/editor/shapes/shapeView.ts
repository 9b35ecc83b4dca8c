import type { Shape } from "../store/shapeTypes";

/** The Konva attributes every shape's node carries (identity, transform, events), set by ShapeNode. */
export type CommonNodeProps = Record<string, unknown>;

/** `checkerboard`: see-through pixels show as a checkerboard (a free artboard); on a product they show the product's colour. */
export type ShapeViewProps = { shape: Shape; common: CommonNodeProps; editingText: boolean; checkerboard: boolean };
