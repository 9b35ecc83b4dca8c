import { z } from "zod";
import { isElementSrc } from "@/domain/elements/elementSource";

/** The drag type of an element dragged from the elements panel onto the stage. */
export const ELEMENT_MIME = "application/x-merchboard-element";

const side = z.number().positive().max(100_000);

/** What the panel knows of an element that placing it needs. */
export const placedElementSchema = z.object({ url: z.string().refine(isElementSrc), name: z.string().max(200), width: side, height: side });
export type PlacedElement = z.infer<typeof placedElementSchema>;

export function writeElementDrag(data: DataTransfer, element: PlacedElement): void {
  data.setData(ELEMENT_MIME, JSON.stringify(element));
  data.effectAllowed = "copy";
}

/** An element dropped from the panel, or null for anything else (a file, another app's drag). */
export function readElementDrag(data: DataTransfer): PlacedElement | null {
  try {
    const parsed = placedElementSchema.safeParse(JSON.parse(data.getData(ELEMENT_MIME) || "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
