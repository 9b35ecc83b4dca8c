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
  const file = path.join(dataDir, "s3-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return fs.readFileSync(file, "utf8").trim();
}
