import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { resetEnvCache } from "@/server/env";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createReadiness } from "./readiness";

let t: TestDb;
const servers: http.Server[] = [];

beforeAll(async () => {
  t = await createTestDb();
  await freshBucket("ready");
}, 60_000);
afterAll(async () => {
  for (const s of servers) s.close();
  await t.close();
});

async function serve(readiness: ReturnType<typeof createReadiness>) {
  const server = http.createServer((req, res) => (readiness.handles(req) ? void readiness.serve(req, res) : res.writeHead(404).end()));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}

describe("/api/ready and /api/live", () => {
  it("is ready with Postgres migrated and storage answering, and not ready from the moment the process starts stopping, while still live", async () => {
    const readiness = createReadiness(t.db);
    const get = await serve(readiness);
    expect(await get("/api/ready")).toEqual({ status: 200, body: { ready: true, db: true, migrations: true, storage: true, draining: false } });
    readiness.drain();
    expect(await get("/api/ready")).toMatchObject({ status: 503, body: { ready: false, draining: true, db: true } });
    expect(await get("/api/live")).toMatchObject({ status: 200, body: { live: true, pid: process.pid } });
  });

  it("is not ready when Postgres does not answer, or lacks this build's migrations, or storage does not answer", async () => {
    const nowhere = createDb("postgres://merchboard@127.0.0.1:1/none", 1);
    expect(await (await serve(createReadiness(nowhere.db)))("/api/ready")).toMatchObject({ status: 503, body: { ready: false, db: false, migrations: false } });
    await nowhere.pool.end();

    await t.db.execute("delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)");
    expect(await (await serve(createReadiness(t.db)))("/api/ready")).toMatchObject({ status: 503, body: { ready: false, db: true, migrations: false } });

    process.env.S3_ENDPOINT = "http://127.0.0.1:1";
    resetEnvCache();
    expect(await (await serve(createReadiness(t.db)))("/api/ready")).toMatchObject({ status: 503, body: { storage: false } });
  });
});
