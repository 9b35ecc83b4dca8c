import * as Y from "yjs";
import type { ClientWrite } from "@/domain/document/clientWrites";

type Structs = ReturnType<typeof Y.decodeUpdate>["structs"];
export type Place = { root: string; key: string | null };
export type PlacedItem = { item: Y.Item; place: Place };

export type UpdateWrites = { ok: true; writes: ClientWrite[]; placed: PlacedItem[] } | { ok: false; reason: string };

/**
 * Every value an update stores, with the shared type and key it lands in, so that each can be
 * checked as a whole record before anything is stored.
 *
 * An item names its parent only when it has no neighbour (`origin`/`rightOrigin`); otherwise it
 * sits where its neighbour sits, and the neighbour is either in this update or already in the
 * document (a client only builds on what it has been sent). A map entry that replaces an earlier
 * value is such an item; so is one that builds on an accepted update not yet stored, which
 * `pendingPlace` finds. Only plain JSON values (`ContentAny`) and deletions are accepted: a nested
 * shared type, text, embeds and subdocuments are not part of a canvas document.
 */
export function updateWrites(structs: Structs, doc: Y.Doc, pendingPlace: (id: Y.ID) => Place | null): UpdateWrites {
  const items: Y.Item[] = [];
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue; // GC and Skip carry no content
    if (!(s.content instanceof Y.ContentAny) && !(s.content instanceof Y.ContentDeleted)) return { ok: false, reason: "only plain JSON values may be stored" };
    if (s.parent !== null && typeof s.parent !== "string") return { ok: false, reason: "nested shared types are not part of a canvas document" };
    items.push(s);
  }
  const places = new Map<Y.Item, Place>();
  const byClient = new Map<number, Y.Item[]>();
  for (const item of items) byClient.set(item.id.client, [...(byClient.get(item.id.client) ?? []), item]);
  let pending = items;
  // Neighbours inside the update may come later in it (another client's items): resolve in rounds.
  while (pending.length) {
    const next: Y.Item[] = [];
    for (const item of pending) {
      const place = placeOf(item, byClient, places, doc, pendingPlace);
      if (place === "unknown") next.push(item);
      else if (place === null) return { ok: false, reason: "an edit must build on the canvas's own document" };
      else places.set(item, place);
    }
    if (next.length === pending.length) return { ok: false, reason: "an edit builds on content the server does not have" };
    pending = next;
  }
  const writes: ClientWrite[] = [];
  const placed: PlacedItem[] = [];
  for (const item of items) {
    const place = places.get(item)!;
    placed.push({ item, place });
    if (item.content instanceof Y.ContentAny) for (const value of item.content.arr) writes.push({ ...place, value });
  }
  return { ok: true, writes, placed };
}

/** Where an item lands; "unknown" while its neighbour in this update is unplaced; null: not in a root type. */
function placeOf(item: Y.Item, byClient: Map<number, Y.Item[]>, places: Map<Y.Item, Place>, doc: Y.Doc, pendingPlace: (id: Y.ID) => Place | null): Place | "unknown" | null {
  if (typeof item.parent === "string") return { root: item.parent, key: item.parentSub };
  const neighbour = item.origin ?? item.rightOrigin;
  if (!neighbour) return null;
  const inUpdate = itemAt(byClient.get(neighbour.client), neighbour.clock);
  if (inUpdate) return places.get(inUpdate) ?? "unknown";
  return placeInDoc(doc, neighbour) ?? pendingPlace(neighbour);
}

/** The item of one client's (clock-ordered) items that covers `clock`. */
function itemAt(items: Y.Item[] | undefined, clock: number): Y.Item | null {
  if (!items) return null;
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid]!;
    if (clock < item.id.clock) hi = mid - 1;
    else if (clock >= item.id.clock + item.length) lo = mid + 1;
    else return item;
  }
  return null;
}

function placeInDoc(doc: Y.Doc, id: Y.ID): Place | null {
  if (Y.getState(doc.store, id.client) <= id.clock) return null;
  const struct = Y.getItem(doc.store, id);
  if (!(struct instanceof Y.Item)) return null;
  const parent = struct.parent;
  if (!(parent instanceof Y.AbstractType) || parent._item !== null) return null;
  for (const [name, type] of doc.share) if (type === parent) return { root: name, key: struct.parentSub };
  return null;
}
