import { findServableAsset } from "../services/asset/assetService";
import { imageHandler } from "./storedImage";

/** GET /api/assets/<id>[?thumb=1]: a ready asset (or its thumbnail), for members of its canvas. */
export const handleAssetRequest = imageHandler({
  signIn: "Sign in to see this image.",
  notFound: "This image does not exist or you cannot see it.",
  async find(db, assetId, url) {
    const thumb = url.searchParams.get("thumb") === "1";
    const asset = await findServableAsset(db, assetId, thumb);
    // Print-ready makes a new asset, so an asset's bytes never change.
    return asset && { key: asset.key, contentType: asset.contentType, etag: `"${assetId}${thumb ? "-thumb" : ""}"`, audience: { canvasId: asset.canvasId } };
  },
});
