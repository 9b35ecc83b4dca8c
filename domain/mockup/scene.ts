import type { ProductKind } from "../catalog/catalog";

/** Mockup scenes are laid out on a 1000 × 1000 square; every renderer scales this to its size. */
export const SCENE = 1000;

export type SceneBox = { x: number; y: number; width: number; height: number };

/** How the print meets the product: pasted flat, following fabric folds, or wrapped round a cylinder. */
export type Warp = "flat" | "fabric" | "cylinder";

/** Which side of the product a view shows; each print area is seen from its own side. */
export type ViewSide = "front" | "back";

/**
 * One picture of a product: which side, where its print area lands (in scene units; the print
 * is fitted inside, keeping its aspect ratio, centred horizontally and hung from the top), and how.
 */
export type MockupView = { kind: ProductKind; side: ViewSide; printBox: SceneBox; warp: Warp };

const views: Record<ProductKind, Partial<Record<ViewSide, Omit<MockupView, "kind" | "side">>>> = {
  // A tee's body is about 20 in across here (25 units an inch): a 12 × 16 in print is 300 × 400.
  tshirt: {
    front: { printBox: { x: 350, y: 250, width: 300, height: 400 }, warp: "fabric" },
    back: { printBox: { x: 350, y: 230, width: 300, height: 400 }, warp: "fabric" },
  },
  hoodie: {
    front: { printBox: { x: 350, y: 290, width: 300, height: 250 }, warp: "fabric" },
    back: { printBox: { x: 350, y: 300, width: 300, height: 375 }, warp: "fabric" },
  },
  // The visible half of the wrap, mapped round the cylinder.
  mug: { front: { printBox: { x: 290, y: 322, width: 380, height: 430 }, warp: "cylinder" } },
  tote: { front: { printBox: { x: 316, y: 436, width: 368, height: 430 }, warp: "fabric" } },
  poster: { front: { printBox: { x: 292, y: 150, width: 416, height: 588 }, warp: "flat" } },
  stickers: { front: { printBox: { x: 310, y: 170, width: 380, height: 540 }, warp: "flat" } },
  phone_case: { front: { printBox: { x: 385, y: 150, width: 230, height: 484 }, warp: "flat" } },
};

/** The view that shows a print area: the back view for an area called "Back", else the front. */
export function viewFor(kind: ProductKind, areaName: string): MockupView {
  const side: ViewSide = /back/i.test(areaName) && views[kind].back ? "back" : "front";
  return { kind, side, ...views[kind][side]! };
}

/** The print's rectangle inside the view's print box for a print area of this aspect ratio. */
export function printRect(view: MockupView, aspect: number): SceneBox {
  const box = view.printBox;
  if (view.warp === "cylinder") return box;
  const width = Math.min(box.width, box.height * aspect);
  const height = width / aspect;
  return { x: box.x + (box.width - width) / 2, y: box.y, width, height };
}
