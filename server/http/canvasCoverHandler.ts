import { findServableCover } from "../services/canvas/canvasCover";
import { inviteOpensCanvas } from "../services/canvas/inviteService";
import { imageHandler } from "./storedImage";

/** GET /api/canvas-covers/<canvasId>?v=<render time>[&invite=<token>]: the dashboard's cover, for members or an invite's holder. */
export const handleCanvasCoverRequest = imageHandler({
  notFound: "This canvas has no cover, or you cannot see it.",
  async find(db, canvasId, url) {
    const cover = await findServableCover(db, canvasId);
    if (!cover) return null;
    const token = url.searchParams.get("invite");
    const invited = token !== null && token.length <= 128 && (await inviteOpensCanvas(db, canvasId, token));
    // The object is replaced by each render: its time tells renders apart.
    return { key: cover.key, contentType: "image/webp", etag: `"${canvasId}-${cover.coverAt.getTime()}"`, audience: invited ? "bearer" : { canvasId } };
  },
});
