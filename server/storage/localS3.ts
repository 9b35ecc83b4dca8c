import fs from "node:fs";
import path from "node:path";
import S3rver from "s3rver";

export type LocalS3 = { endpoint: string; stop: () => Promise<void> };

/** The embedded S3-protocol server used when S3_ENDPOINT is unset; data persists in `directory`. */
export async function startLocalS3(directory: string, port: number, bucket: string): Promise<LocalS3> {
  fs.mkdirSync(path.resolve(directory), { recursive: true });
  const server = new S3rver({
    port,
    address: "127.0.0.1",
    directory: path.resolve(directory),
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port: bound } = await server.run();
  return { endpoint: `http://127.0.0.1:${bound}`, stop: () => server.close() };
}
