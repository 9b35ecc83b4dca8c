import { getDb } from "@/server/db";
import { handleListingRenderRequest } from "@/server/http/listingRenderHandler";
import { getStorage } from "@/server/storage/storage";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { s3, bucket } = getStorage();
  return handleListingRenderRequest(getDb(), s3, bucket, req, (await params).id);
}
