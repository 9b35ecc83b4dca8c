import * as Y from "yjs";
import type { Product } from "@/domain/catalog/catalog";
import { canvasDoc, orderedShapes } from "@/domain/document/canvasDoc";
import { creditsFor, elementsShown, type ElementCredit } from "@/domain/elements/elementSource";
import { shapesOnArea } from "../print/designSource";

/** What the licences of the library art printed on a published design ask its page to say. */
export function designCredits(state: Uint8Array, product: Product): ElementCredit[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const shapes = orderedShapes(canvasDoc(doc));
  return creditsFor(elementsShown(product.printAreas.flatMap((area) => shapesOnArea(shapes, product, area))));
}
