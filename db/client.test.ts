import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createDb, warmPool } from "./client";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(() => t.close());

describe("database pools", () => {
  it("open every connection ahead and keep them, when asked to", async () => {
    const { pool } = createDb(t.url, 4, { keepOpen: true });
    try {
      await warmPool(pool, 4);
      expect([pool.totalCount, pool.idleCount]).toEqual([4, 4]);
      // Idle connections above `min` are closed after a while; a kept pool's `min` is all of them.
      expect((pool as unknown as { options: { min: number } }).options.min).toBe(4);
      const { rows } = await pool.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'");
      expect(rows[0]!.n).toBeGreaterThanOrEqual(3);
    } finally {
      await pool.end();
    }
  });
});
