import { findServableRender } from "../services/shop/renderAccess";
import { imageHandler } from "./storedImage";

/**
 * GET /api/listing-renders/<id>: a published version's mockup for anyone (cached publicly: its
 * bytes never change), or a print file as a download for shop admins.
 */
export const handleListingRenderRequest = imageHandler({
  notFound: "This image does not exist or you cannot see it.",
  async find(db, id) {
    const render = await findServableRender(db, id);
    if (!render) return null;
    const print = render.kind === "print";
    return { key: render.key, contentType: print ? "image/png" : "image/webp", etag: `"${id}"`, audience: render.public ? "public" : "shopAdmins", fileName: print ? render.fileName : undefined };
  },
});
