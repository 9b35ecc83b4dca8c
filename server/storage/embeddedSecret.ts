import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The secret key for the embedded S3 server, made once per data folder and kept there (readable by
 * us only). The embedded server checks no signatures itself, but our upload proxy checks the
 * presigned URLs it forwards, and a signature made with the well-known default key would prove
 * nothing. Every web process on the machine reads the same file, so their URLs agree.
 */
export function embeddedS3Secret(dataDir: string): string {
  return dataDirSecret(dataDir, "s3-secret");
}

/** A random secret made once per data folder under `fileName` and read back by every process. */
export function dataDirSecret(dataDir: string, fileName: string): string {
  const file = path.join(dataDir, fileName);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return fs.readFileSync(file, "utf8").trim();
}
