import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { startOAuth } from "@/server/http/oauthHandlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ provider: string }> }) {
  return startOAuth(getDb(), req, (await params).provider, env().APP_URL);
}
