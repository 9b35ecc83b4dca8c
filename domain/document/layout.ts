/**
 * How a canvas document is laid out in Yjs: the only place its shared types are named.
 * - `shapes`: a map from shape id to the shape's whole record (plain JSON, see `shape.ts`);
 * - `order`: the shape ids bottom to top;
 * - `meta`: what the server announces (the canvas's product); clients only read it.
 */
export const DOC_ROOTS = { shapes: "shapes", order: "order", meta: "meta" } as const;

/** Keys of the `meta` map. */
export const META_KEYS = { product: "product" } as const;
