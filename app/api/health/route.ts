import { getDb } from "@/server/db";
import { checkHealth } from "@/server/health";
import { s3ConfigFromEnv } from "@/server/storage/config";
import { createS3 } from "@/server/storage/s3";

export const dynamic = "force-dynamic";

let s3: ReturnType<typeof createS3> | undefined;

export async function GET() {
  const config = s3ConfigFromEnv();
  s3 ??= createS3(config);
  const health = await checkHealth(getDb(), s3, config.bucket);
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
