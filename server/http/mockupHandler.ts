import { findServableMockup } from "../services/mockup/mockupService";
import { imageHandler } from "./storedImage";

/** GET /api/mockups/<id>: a rendered HQ mockup (WebP), for members of its canvas. */
export const handleMockupRequest = imageHandler({
  signIn: "Sign in to see this mockup.",
  notFound: "This mockup does not exist or you cannot see it.",
  async find(db, id) {
    const mockup = await findServableMockup(db, id);
    return mockup && { key: mockup.key, contentType: "image/webp", etag: `"${id}"`, audience: { canvasId: mockup.canvasId } };
  },
});
