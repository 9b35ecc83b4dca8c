/** Where each kind of object lives in the bucket; the one place that spells the layout out. */

export function uploadKey(canvasId: string, assetId: string): string {
  return `uploads/${canvasId}/${assetId}/original`;
}

export function assetKey(canvasId: string, assetId: string, ext: string): string {
  return `assets/${canvasId}/${assetId}.${ext}`;
}

/** Every prefix under which a canvas has objects (uploads, assets and their thumbnails, print files, mockups). */
export function canvasPrefixes(canvasId: string): string[] {
  return [`uploads/${canvasId}/`, `assets/${canvasId}/`, `prints/${canvasId}/`, `mockups/${canvasId}/`];
}

export function printFileKey(canvasId: string, printFileId: string): string {
  return `prints/${canvasId}/${printFileId}.png`;
}

export function mockupKey(canvasId: string, mockupId: string): string {
  return `mockups/${canvasId}/${mockupId}.webp`;
}

/** The dashboard's cover of a canvas, replaced as the design changes (under the canvas's mockups, so it goes with them). */
export function canvasCoverKey(canvasId: string): string {
  return `mockups/${canvasId}/cover.webp`;
}

export function assetThumbKey(canvasId: string, assetId: string): string {
  return `assets/${canvasId}/${assetId}.thumb.webp`;
}

/** A copy of an image a published listing version shows; it outlives the canvas. */
export function listingImageKey(listingId: string, versionId: string, assetId: string): string {
  return `listings/${listingId}/${versionId}/images/${assetId}`;
}

/** A listing version's mockup or print file, or an order line's print file. */
export function snapshotRenderKey(listingId: string, versionId: string, renderId: string, ext: "webp" | "png"): string {
  return `listings/${listingId}/${versionId}/renders/${renderId}.${ext}`;
}

/** One ink's screen-print separation, beside its print file (so it goes wherever the print file's prefix goes). */
export function separationKey(printFileKey: string, ink: string): string {
  return `${printFileKey.replace(/\.png$/, "")}.ink-${ink.replace(/^#/, "")}.png`;
}
