import * as Y from "yjs";
import type { ClientWrite } from "@/domain/document/clientWrites";

type Structs = ReturnType<typeof Y.decodeUpdate>["structs"];
export type Place = { root: string; key: string | null };
/** Where an item of an accepted update lands, found by any id inside it. */
export type PlaceOf = (id: Y.ID) => Place | null;

export type UpdateWrites = { ok: true; writes: ClientWrite[]; placeOf: PlaceOf } | { ok: false; reason: string };

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
export function updateWrites(structs: Structs, doc: Y.Doc, pendingPlace: PlaceOf): UpdateWrites {
  const items: Y.Item[] = [];
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue; // GC and Skip carry no content
    if (!(s.content instanceof Y.ContentAny) && !(s.content instanceof Y.ContentDeleted)) return { ok: false, reason: "only plain JSON values may be stored" };
    if (s.parent !== null && typeof s.parent !== "string") return { ok: false, reason: "nested shared types are not part of a canvas document" };
    items.push(s);
  }
  const byClient = new Map<number, Y.Item[]>();
  for (const item of items) {
    const list = byClient.get(item.id.client);
    if (list) list.push(item);
    else byClient.set(item.id.client, [item]);
  }
  const places = new Map<Y.Item, Place>();
  for (const item of items) if (!placeOf(item, byClient, places, doc, pendingPlace)) return { ok: false, reason: "an edit must build on the canvas's own document" };
  const writes: ClientWrite[] = [];
  for (const item of items) {
    if (item.content instanceof Y.ContentAny) for (const value of item.content.arr) writes.push({ ...places.get(item)!, value });
  }
  const placeOfId: PlaceOf = (id) => {
    const item = itemAt(byClient.get(id.client), id.clock);
    return item ? places.get(item)! : null;
  };
  return { ok: true, writes, placeOf: placeOfId };
}

/**
 * Where an item lands, following its neighbours through the update until one names its parent or
 * sits in the document; every item on the way lands there too and is remembered, so each item of
 * an update is followed once however its neighbours chain (a crafted update cannot make this
 * quadratic). Null: the chain loops, or ends outside the document's root types.
 */
function placeOf(start: Y.Item, byClient: Map<number, Y.Item[]>, places: Map<Y.Item, Place>, doc: Y.Doc, pendingPlace: PlaceOf): Place | null {
  const chain: Y.Item[] = [];
  const onChain = new Set<Y.Item>();
  let place: Place | null = null;
  for (let item: Y.Item | null = start; item; ) {
    const known = places.get(item);
    if (known) {
      place = known;
      break;
    }
    if (onChain.has(item)) return null;
    onChain.add(item);
    chain.push(item);
    if (typeof item.parent === "string") {
      place = { root: item.parent, key: item.parentSub };
      break;
    }
    const neighbour: Y.ID | null = item.origin ?? item.rightOrigin;
    if (!neighbour) return null;
    item = itemAt(byClient.get(neighbour.client), neighbour.clock);
    if (!item) place = placeInDoc(doc, neighbour) ?? pendingPlace(neighbour);
  }
  if (!place) return null;
  for (const item of chain) places.set(item, place);
  return place;
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
