import type { S3Client } from "@aws-sdk/client-s3";
import { Counter } from "prom-client";
import { metrics, shared } from "./registry";

const NAME = "merchboard_storage_errors_total";

/** S3 calls that failed, by operation and error (NoSuchKey and NotFound are a missing object, often expected). */
const storageErrors = shared(NAME, () => new Counter({ name: NAME, help: "S3 calls that failed, by operation and error name.", labelNames: ["operation", "error"] as const, registers: [metrics] }));

/** Counts every failed call of this client. */
export function countStorageErrors(s3: S3Client): void {
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        storageErrors.inc({ operation: String(context.commandName ?? "unknown").replace(/Command$/, ""), error: e instanceof Error ? e.name : "unknown" });
        throw e;
      }
    },
    { step: "initialize", name: "merchboardStorageErrors" },
  );
}
