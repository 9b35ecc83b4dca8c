import { startEmbeddedPostgres } from "@/db/embedded";
import { applyAllMigrations } from "@/db/migrate";
import { createS3, ensureBucket } from "@/server/storage/s3";
import { startLocalS3 } from "@/server/storage/localS3";
import { log } from "@/server/log";

export type Infra = { databaseUrl: string; s3Endpoint: string | undefined; stop: () => Promise<void> };

/**
 * Postgres and S3 for the app: the configured ones, or the embedded defaults under dataDir.
 * Migrations (ours and graphile-worker's) are applied before anything serves.
 */
export async function startInfra(opts: { dataDir: string; pgPort: number; log?: (m: string) => void }): Promise<Infra> {
  const say = opts.log ?? ((m: string) => log.info(m));
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const t = Date.now();
    const pg = await startEmbeddedPostgres(`${opts.dataDir}/postgres`, opts.pgPort, say);
    stops.push(pg.stop);
    databaseUrl = pg.url;
    say(`embedded Postgres on 127.0.0.1:${opts.pgPort} (data in ${opts.dataDir}/postgres, ${Date.now() - t} ms)`);
  } else {
    say("using DATABASE_URL");
  }
  await applyAllMigrations(databaseUrl);
  say("migrations applied");

  let s3Endpoint = process.env.S3_ENDPOINT;
  const bucket = process.env.S3_BUCKET ?? "merchboard";
  if (!s3Endpoint) {
    const s3 = await startLocalS3(`${opts.dataDir}/s3`, Number(process.env.EMBEDDED_S3_PORT ?? 0), bucket);
    stops.push(s3.stop);
    s3Endpoint = s3.endpoint;
    say(`embedded S3 at ${s3Endpoint} (data in ${opts.dataDir}/s3)`);
  } else {
    say(`using S3 at ${s3Endpoint}`);
  }
  await ensureBucket(
    createS3({
      endpoint: s3Endpoint,
      bucket,
      region: process.env.S3_REGION ?? "us-east-1",
      accessKeyId: process.env.S3_ACCESS_KEY_ID ?? "S3RVER",
      secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? "S3RVER",
    }),
    bucket,
  );
  return {
    databaseUrl,
    s3Endpoint,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch((e: Error) => say(`[stop] ${e.message}`));
    },
  };
}
