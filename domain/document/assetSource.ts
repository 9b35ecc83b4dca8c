import { isElementSrc } from "../elements/elementSource";

/**
 * The image sources a canvas document may hold: an asset of the canvas, served to its members
 * at `ASSET_ROUTE/<id>`, or an element of the library (see `elements/elementSource`). Anything else
 * (a URL elsewhere) would make every viewer's browser fetch it: an address leak, and a tainted export.
 */
export const ASSET_ROUTE = "/api/assets";

const ASSET_SRC = new RegExp(`^${ASSET_ROUTE}/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`, "i");

/** The URL of an asset (its thumbnail with `thumb`). */
export function assetSrc(assetId: string, thumb = false): string {
  return `${ASSET_ROUTE}/${assetId}${thumb ? "?thumb=1" : ""}`;
}

/** The asset id an image source points at (lower case), or null when it is not one of our assets. */
export function assetIdFromSrc(src: string | null | undefined): string | null {
  return src ? (ASSET_SRC.exec(src)?.[1]?.toLowerCase() ?? null) : null;
}

export function isAssetSrc(src: string): boolean {
  return ASSET_SRC.test(src);
}

/** An image shape's source: one of the canvas's assets or an element of the library. */
export function isImageSrc(src: string): boolean {
  return ASSET_SRC.test(src) || isElementSrc(src);
}

/** The assets the visible images among `shapes` show: asset id by image source. */
export function assetsShown(shapes: readonly { type: string; hidden: boolean; src?: string }[]): Map<string, string> {
  const bySrc = new Map<string, string>();
  for (const s of shapes) {
    const id = s.type === "image" && !s.hidden ? assetIdFromSrc(s.src) : null;
    if (id) bySrc.set(s.src!, id);
  }
  return bySrc;
}
