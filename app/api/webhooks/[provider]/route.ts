import { getDb } from "@/server/db";
import { handleWebhookRequest } from "@/server/http/webhookHandler";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ provider: string }> }) {
  return handleWebhookRequest(getDb(), req, (await params).provider);
}
