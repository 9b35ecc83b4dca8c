import { inject, afterAll, beforeAll, describe, expect, it } from "vitest";
import { workerHeartbeats } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/testDb";
import { checkHealth } from "./health";
import { createS3, ensureBucket } from "./storage/s3";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const s3For = (endpoint: string) => createS3({ endpoint, bucket: "health-check", region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });

describe("health", () => {
  it("is ok only when db, storage and a fresh worker heartbeat all answer", async () => {
    const s3 = s3For(inject("s3Endpoint"));
    await ensureBucket(s3, "health-check");
    expect(await checkHealth(t.db, s3, "health-check")).toEqual({ ok: false, db: true, storage: true, worker: false });
    await t.db.insert(workerHeartbeats).values({ workerId: "w1", hostname: "test" });
    expect(await checkHealth(t.db, s3, "health-check")).toEqual({ ok: true, db: true, storage: true, worker: true });
    await t.db.update(workerHeartbeats).set({ lastSeenAt: new Date(Date.now() - 60_000) });
    expect((await checkHealth(t.db, s3, "health-check")).worker).toBe(false);
  });

  it("reports storage down when the S3 server does not answer", async () => {
    const dead = s3For("http://127.0.0.1:1");
    expect((await checkHealth(t.db, dead, "health-check")).storage).toBe(false);
  });
});
