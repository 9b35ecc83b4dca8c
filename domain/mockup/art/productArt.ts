import type { Ctx } from "./paint";

/** A crease or ridge of cloth, as a segment with a height (negative: a crease) and a width. */
export type Fold = { ax: number; ay: number; bx: number; by: number; height: number; width: number };

/**
 * How one view of a product is drawn, in scene units: the studio behind it (with its shadow), the
 * product's body in its colour (the print and the cloth's folds are laid on it pixel by pixel),
 * then what sits on top of the print (seams, a camera bump, gloss).
 */
export type ProductArt = {
  backdrop: (ctx: Ctx) => void;
  body: (ctx: Ctx, color: string) => void;
  overlay: (ctx: Ctx, color: string) => void;
  folds: Fold[];
};
