/**
 * The one image source a canvas document may hold: an asset of the canvas, served to its members
 * at `ASSET_ROUTE/<id>`. Anything else (a URL elsewhere) would make every viewer's browser fetch
 * it: an address leak, and a tainted export.
 */
export const ASSET_ROUTE = "/api/assets";

const ASSET_SRC = /^\/api\/assets\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

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
