import { getDb } from "../db";
import { getStorage } from "../storage/storage";
import type { ImageHandler } from "./storedImage";

/** The GET of an image route under app/api/: its one dynamic segment, `param`, is the image's id. */
export function imageRoute<P extends string>(param: P, handle: ImageHandler) {
  return async (req: Request, { params }: { params: Promise<Record<P, string>> }): Promise<Response> => {
    const { s3, bucket } = getStorage();
    return handle(getDb(), s3, bucket, req, (await params)[param]);
  };
}
