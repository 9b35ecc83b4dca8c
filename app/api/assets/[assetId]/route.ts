import { getDb } from "@/server/db";
import { handleAssetRequest } from "@/server/http/assetHandler";
import { getStorage } from "@/server/storage/storage";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ assetId: string }> }) {
  const { s3, bucket } = getStorage();
  return handleAssetRequest(getDb(), s3, bucket, req, (await params).assetId);
}
