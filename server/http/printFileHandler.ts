import { findServablePrintFile } from "../services/print/printFileService";
import { imageHandler } from "./storedImage";

/** GET /api/print-files/<id>: a finished print file's PNG, as a download, for members of its canvas. */
export const handlePrintFileRequest = imageHandler({
  signIn: "Sign in to download this print file.",
  notFound: "This print file does not exist or you cannot see it.",
  async find(db, id) {
    const file = await findServablePrintFile(db, id);
    return file && { key: file.key, contentType: "image/png", etag: `"${id}"`, audience: { canvasId: file.canvasId }, fileName: `${file.printAreaId}-${id.slice(0, 8)}.png` };
  },
});
