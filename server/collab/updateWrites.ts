import * as Y from "yjs";
import { checkClientPlace, type ClientWrite } from "@/domain/document/clientWrites";
import { DOC_ROOTS } from "@/domain/document/layout";

type Decoded = ReturnType<typeof Y.decodeUpdate>;
export type Place = { root: string; key: string | null };
/** Where an item of an accepted update lands, found by any id inside it. */
export type PlaceOf = (id: Y.ID) => Place | null;
/** Accepted updates not yet applied to the document: where their items land, and each client's next clock after them. */
export type Pending = { placeOf: PlaceOf; endOf: (client: number) => number };

export type UpdateWrites = { ok: true; writes: ClientWrite[]; placeOf: PlaceOf; ends: Map<number, number> } | { ok: false; reason: string };

const refuse = (reason: string) => ({ ok: false, reason }) as const;

/**
 * Every value an update stores, with the shared type and key it lands in, so that each can be
 * checked as a whole record before anything is stored; every item's place is checked too, deleted
 * ones included, and so is what the update deletes.
 *
 * An item names its parent only when it has no neighbour (`origin`/`rightOrigin`); otherwise it
 * sits where its neighbour sits. A neighbour is looked up where Yjs will find it when it applies
 * the update: in the document when the document already has that id, else in an accepted update
 * still being stored that has it, else in this update. An update's own copy of an id that is
 * already there is skipped by Yjs, so it is skipped here too: it cannot say where anything lands. A map entry that replaces an earlier value is such an item. Only
 * plain JSON values (`ContentAny`) and deletions are accepted: a nested shared type, text, embeds
 * and subdocuments are not part of a canvas document.
 */
export function updateWrites({ structs, ds }: Decoded, doc: Y.Doc, pending: Pending): UpdateWrites {
  const items: Y.Item[] = [];
  const byClient = new Map<number, Y.Item[]>();
  const ends = new Map<number, number>();
  for (const s of structs) {
    // Yjs applies one run of structs per client, in clock order: an update that repeats a client or
    // goes back could show us one copy and have Yjs apply another.
    if (s.id.clock < (ends.get(s.id.client) ?? 0)) return refuse("an update's edits must be in order");
    ends.set(s.id.client, s.id.clock + s.length);
    if (!(s instanceof Y.Item)) continue; // GC and Skip carry no content
    // Yjs skips what the document (or an update before this one) has, and would splice an item
    // that starts inside it onto the end of what is there, whatever parent the item names.
    const known = Math.max(Y.getState(doc.store, s.id.client), pending.endOf(s.id.client));
    if (s.id.clock + s.length <= known) continue;
    if (s.id.clock < known) return refuse("an edit must continue where the canvas's document ends");
    if (!(s.content instanceof Y.ContentAny) && !(s.content instanceof Y.ContentDeleted)) return refuse("only plain JSON values may be stored");
    if (s.parent !== null && typeof s.parent !== "string") return refuse("nested shared types are not part of a canvas document");
    items.push(s);
    const list = byClient.get(s.id.client);
    if (list) list.push(s);
    else byClient.set(s.id.client, [s]);
  }
  const places = new Map<Y.Item, Place>();
  const writes: ClientWrite[] = [];
  for (const item of items) {
    const place = placeOf(item, byClient, places, doc, pending);
    if (!place) return refuse("an edit must build on the canvas's own document");
    const allowed = checkClientPlace(place);
    if (!allowed.ok) return allowed;
    if (item.content instanceof Y.ContentAny) for (const value of item.content.arr) writes.push({ ...place, value });
  }
  if (deletesServerContent(ds, doc)) return refuse("meta is written by the server only");
  const placeOfId: PlaceOf = (id) => {
    const item = itemAt(byClient.get(id.client), id.clock);
    return item ? places.get(item)! : null;
  };
  return { ok: true, writes, placeOf: placeOfId, ends };
}

/**
 * Where an item lands, following its neighbours through the update until one names its parent or
 * is found in the document or a pending update; every item on the way lands there too and is
 * remembered, so each item of an update is followed once however its neighbours chain (a crafted
 * update cannot make this quadratic). Null: the chain loops, or ends outside the document's roots.
 */
function placeOf(start: Y.Item, byClient: Map<number, Y.Item[]>, places: Map<Y.Item, Place>, doc: Y.Doc, pending: Pending): Place | null {
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
    if (neighbour.clock < Y.getState(doc.store, neighbour.client)) {
      place = placeInDoc(doc, neighbour);
      break;
    }
    if (neighbour.clock < pending.endOf(neighbour.client)) {
      place = pending.placeOf(neighbour);
      break;
    }
    item = itemAt(byClient.get(neighbour.client), neighbour.clock);
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
  const struct = Y.getItem(doc.store, id);
  if (!(struct instanceof Y.Item)) return null;
  const parent = struct.parent;
  if (!(parent instanceof Y.AbstractType) || parent._item !== null) return null;
  for (const [name, type] of doc.share) if (type === parent) return { root: name, key: struct.parentSub };
  return null;
}

/** Whether the update deletes anything of `meta` (every value it ever held is checked: a few announcements). */
function deletesServerContent(ds: Decoded["ds"], doc: Y.Doc): boolean {
  if (!ds.clients.size || !doc.share.has(DOC_ROOTS.meta)) return false;
  const meta = doc.getMap(DOC_ROOTS.meta);
  for (const latest of meta._map.values()) {
    for (let item: Y.Item | null = latest; item; item = item.left) {
      const ranges = ds.clients.get(item.id.client);
      if (ranges?.some((r) => r.clock < item!.id.clock + item!.length && item!.id.clock < r.clock + r.len)) return true;
    }
  }
  return false;
}
