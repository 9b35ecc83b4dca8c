/** Where each kind of object lives in the bucket; the one place that spells the layout out. */

export function uploadKey(canvasId: string, assetId: string): string {
  return `uploads/${canvasId}/${assetId}/original`;
}

export function assetKey(canvasId: string, assetId: string, ext: string): string {
  return `assets/${canvasId}/${assetId}.${ext}`;
}

/** Every prefix under which a canvas has objects (uploads, assets and their thumbnails). */
export function canvasPrefixes(canvasId: string): string[] {
  return [`uploads/${canvasId}/`, `assets/${canvasId}/`];
}

export function assetThumbKey(canvasId: string, assetId: string): string {
  return `assets/${canvasId}/${assetId}.thumb.webp`;
}
