import { getDb } from "@/server/db";
import { handleOrderExportRequest } from "@/server/http/orderExportHandler";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handleOrderExportRequest(getDb(), req);
}
