import * as Y from "yjs";
import { assetIdFromSrc } from "@/domain/document/assetSource";
import { checkClientWrite } from "@/domain/document/clientWrites";
import { elementIdFromSrc } from "@/domain/elements/elementSource";
import { hasElement } from "../services/elements/elementLibrary";
import { updateWrites, type Pending, type PlaceOf } from "./updateWrites";

export type GateResult = { ok: true; assetIds: string[] } | { ok: false; reason: string };

/**
 * Checks a collaborator's update against the document's schema before anything of it is stored:
 * every value it writes must be a whole, valid record in its place (see `checkClientWrite`). It
 * also names the assets its images show, for the room to check they are this canvas's; an image
 * showing a library element must name one the library has.
 *
 * Accepted updates wait a while to be stored before they reach the document; an update that
 * builds on one of them (a drag right after an add) finds its neighbours among these pending ones.
 */
export class DocumentGate {
  private readonly pending = new Map<Uint8Array, { placeOf: PlaceOf; ends: Map<number, number> }>();
  private readonly pendingView: Pending = { placeOf: (id) => this.pendingPlace(id), endOf: (client) => this.pendingEnd(client) };

  constructor(private readonly doc: Y.Doc) {}

  check(update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>): GateResult {
    const result = updateWrites(decoded, this.doc, this.pendingView);
    if (!result.ok) return result;
    const assetIds: string[] = [];
    for (const write of result.writes) {
      const checked = checkClientWrite(write);
      if (!checked.ok) return { ok: false, reason: checked.reason.slice(0, 120) };
      const src = checked.shape?.type === "image" ? checked.shape.src : undefined;
      const id = assetIdFromSrc(src);
      if (id) assetIds.push(id);
      const element = elementIdFromSrc(src);
      if (element && !hasElement(element)) return { ok: false, reason: "an image shows an element the library does not have" };
    }
    this.pending.set(update, { placeOf: result.placeOf, ends: result.ends });
    return { ok: true, assetIds };
  }

  /** The update was applied to the document, or will never be: its items need no lookup here any more. */
  release(update: Uint8Array): void {
    this.pending.delete(update);
  }

  /** A binary search in each update still being stored: a few at a time, however large each is. */
  private pendingPlace(id: Y.ID) {
    for (const { placeOf } of this.pending.values()) {
      const place = placeOf(id);
      if (place) return place;
    }
    return null;
  }

  private pendingEnd(client: number): number {
    let end = 0;
    for (const { ends } of this.pending.values()) end = Math.max(end, ends.get(client) ?? 0);
    return end;
  }
}
