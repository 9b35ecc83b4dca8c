import { getDb } from "@/server/db";
import { handleMockupRequest } from "@/server/http/mockupHandler";
import { getStorage } from "@/server/storage/storage";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { s3, bucket } = getStorage();
  return handleMockupRequest(getDb(), s3, bucket, req, (await params).id);
}
