import * as Y from "yjs";

/** The only image source the editor writes: an asset of the canvas, served to its members. */
const ASSET_SRC = /^\/api\/assets\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The asset ids that an update's image sources point at, or null when one points anywhere else
 * (every viewer's browser would fetch it: an IP-address leak, and a tainted PNG export).
 *
 * The editor stores each shape as one plain record in the `shapes` map, so a record written by the
 * update is a `ContentAny`/`ContentJSON` value. Where it sits cannot be told from the update alone
 * (an item with a left neighbour does not name its parent), so every record with a `src` counts,
 * whatever its type: a later edit that turns it into an image rewrites the whole record, which is
 * checked then. A value stored under a key `src` (a nested map) counts too.
 */
export function imageAssetIds(structs: ReturnType<typeof Y.decodeUpdate>["structs"]): string[] | null {
  const ids: string[] = [];
  const check = (src: unknown): boolean => {
    const id = typeof src === "string" ? src.match(ASSET_SRC)?.[1] : undefined;
    if (id) ids.push(id.toLowerCase());
    return !!id;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (!(content instanceof Y.ContentAny || content instanceof Y.ContentJSON)) continue;
    for (const value of content.arr as unknown[]) {
      if (struct.parentSub === "src" && !check(value)) return null;
      if (value !== null && typeof value === "object" && "src" in value && !check((value as { src: unknown }).src)) return null;
    }
  }
  return ids;
}
