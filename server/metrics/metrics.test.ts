import http from "node:http";
import type { AddressInfo } from "node:net";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { resetEnvCache } from "@/server/env";
import { jobRuns } from "@/db/schema";
import { serveMetrics } from "@/server/http/metricsHandler";
import { createS3 } from "@/server/storage/s3";
import { enqueue } from "@/server/jobs/enqueue";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createTestClient, errorOf } from "@/test/trpcTestClient";
import { watchDatabase } from "./dbMetrics";

let t: TestDb;
let server: http.Server;
let url: string;

beforeAll(async () => {
  t = await createTestDb();
  watchDatabase(t.db);
  server = http.createServer((req, res) => void serveMetrics(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}, 60_000);
afterAll(async () => {
  delete process.env.METRICS_TOKEN;
  resetEnvCache();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** Prometheus's text format as `name{labels}` → value, the way a scraper reads it. */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

describe("/metrics", () => {
  it("is Prometheus text with tRPC latency per procedure and result, the process's own, and the queues read from Postgres", async () => {
    const client = createTestClient(t.db);
    await client.client.catalog.products.query();
    await client.client.catalog.products.query();
    expect((await errorOf(client.client.order.outbox.query()))?.data?.code).toBe("UNAUTHORIZED");
    await t.db.transaction((tx) => enqueue(tx, "sendOrderMail", { orderId: "0b7e4f1a-3c2d-4e5f-8a9b-1c2d3e4f5a6b", status: "paid" }));
    // What workers write as they finish jobs: four mails waited 0.1, 0.2, 0.3 and 2 s, one failed.
    for (const [i, waited, ok] of [[1, 100, true], [2, 200, true], [3, 300, true], [4, 2000, false]] as const)
      await t.db.insert(jobRuns).values({ task: "sendOrderMail", queue: "cpu", jobId: String(i), workerId: "w", attempt: 1, waitedMs: waited, ranMs: 50, ok });

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parse(await res.text());
    expect(samples.get('merchboard_trpc_duration_seconds_count{procedure="catalog.products",type="query",code="OK"}')).toBeGreaterThanOrEqual(2);
    expect(samples.get('merchboard_trpc_duration_seconds_count{procedure="order.outbox",type="query",code="UNAUTHORIZED"}')).toBeGreaterThanOrEqual(1);
    expect(samples.get('merchboard_trpc_duration_seconds_bucket{le="+Inf",procedure="catalog.products",type="query",code="OK"}')).toBeGreaterThanOrEqual(2);
    expect(samples.get('merchboard_jobs_waiting{task="sendOrderMail"}')).toBeGreaterThanOrEqual(1);
    expect(samples.get('merchboard_jobs_oldest_wait_seconds{task="sendOrderMail"}')).toBeGreaterThanOrEqual(0);
    expect(samples.get("merchboard_process_cpu_seconds_total")).toBeGreaterThan(0);
    expect(samples.get('merchboard_job_wait_seconds{task="sendOrderMail",quantile="0.5"}')).toBeCloseTo(0.25, 5);
    expect(samples.get('merchboard_job_wait_seconds{task="sendOrderMail",quantile="0.95"}')).toBeGreaterThan(1.5);
    expect(samples.get('merchboard_job_run_seconds{task="sendOrderMail",quantile="0.5"}')).toBeCloseTo(0.05, 5);
    expect(samples.get('merchboard_job_runs_last_hour{task="sendOrderMail",outcome="ok"}')).toBe(3);
    expect(samples.get('merchboard_job_runs_last_hour{task="sendOrderMail",outcome="failed"}')).toBe(1);
  });

  it("counts the S3 calls that failed, by operation and error", async () => {
    const s3 = createS3({ endpoint: inject("s3Endpoint"), bucket: "merchboard", region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
    await expect(s3.send(new HeadBucketCommand({ Bucket: "no-such-bucket-here" }))).rejects.toThrow();
    await expect(s3.send(new HeadBucketCommand({ Bucket: "no-such-bucket-here" }))).rejects.toThrow();
    const samples = parse(await (await fetch(url)).text());
    const failed = [...samples].filter(([k]) => k.startsWith('merchboard_storage_errors_total{operation="HeadBucket"'));
    expect(failed).toHaveLength(1);
    expect(failed[0]![1]).toBe(2);
  });

  it("answers only the bearer of METRICS_TOKEN when one is set", async () => {
    process.env.METRICS_TOKEN = "scrape-token-0123456789";
    resetEnvCache();
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: "Bearer scrape-token-0123456789" } })).status).toBe(200);
    expect((await fetch(url, { method: "POST" })).status).toBe(405);
  });
});
