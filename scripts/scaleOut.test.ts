import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { generations } from "@/db/schema";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { addShapes } from "@/domain/document/edits";
import { connectProvider, eventually, sessionCookie, synced } from "@/test/collabClients";
import { rect } from "@/test/designShapes";
import { freePort } from "@/test/freePort";
import { ensureProductionBuild } from "@/test/productionBuild";
import { startRole, type RoleProcess } from "@/test/roleProcess";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { signedUpClient } from "@/test/trpcTestClient";

/**
 * The scaled-out topology from one build: two web processes and two workers, started as roles,
 * against one Postgres and one S3 store (as the compose file runs them, here as plain processes).
 */
let t: TestDb;
let shared: Record<string, string>;
const processes: RoleProcess[] = [];
let web: RoleProcess[];
let workers: RoleProcess[];
const APP_URL = "http://localhost:3000";

beforeAll(async () => {
  await ensureProductionBuild();
  t = await createTestDb();
  const storage = await freshBucket("scale");
  shared = { DATABASE_URL: t.url, S3_ENDPOINT: process.env.S3_ENDPOINT!, S3_BUCKET: storage.bucket, APP_URL, INFERENCE_DEVICE: "cpu", SHOP_SECRET: "scale-out-test-secret-0123456789abcdef" };
  web = await Promise.all([0, 1].map(async () => startRole("web", shared, await freePort())));
  workers = await Promise.all([0, 1].map(() => startRole("worker", shared)));
  processes.push(...web, ...workers);
}, 600_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop("SIGKILL")));
  await t?.close();
});

const scrape = async (p: RoleProcess) => {
  const text = await (await fetch(`http://127.0.0.1:${p.port}/metrics`)).text();
  return new Map(text.split("\n").filter((l) => l && !l.startsWith("#")).map((l) => [l.slice(0, l.lastIndexOf(" ")), Number(l.slice(l.lastIndexOf(" ") + 1))]));
};

describe("two web processes and two workers on one Postgres and S3", () => {
  it("co-edit across the web processes, and a web process that stops hands its clients to the other without losing an edit", async () => {
    const [alice, bob] = await Promise.all([signedUpClient(t.db, "Alice"), signedUpClient(t.db, "Bob")]);
    const { id: canvasId } = await alice.client.canvas.create.mutate({ name: "Across processes" });
    await bob.client.invite.accept.mutate({ token: (await alice.client.invite.create.mutate({ canvasId, role: "editor" })).token });
    const [aliceCookie, bobCookie] = await Promise.all([sessionCookie(t.db, alice.user.id), sessionCookie(t.db, bob.user.id)]);

    const a = connectProvider(web[0]!.port!, canvasId, aliceCookie, new Y.Doc(), APP_URL);
    const b = connectProvider(web[1]!.port!, canvasId, bobCookie, new Y.Doc(), APP_URL);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    addShapes(canvasDoc(a.doc), [rect({ name: "from web 1" })]);
    addShapes(canvasDoc(b.doc), [rect({ name: "from web 2" })]);
    const names = (doc: Y.Doc) => new Set([...canvasDoc(doc).shapes.values()].map((s) => (s as { name: string }).name));
    await eventually(() => names(a.doc).has("from web 2") && names(b.doc).has("from web 1"), 10_000, "edits to cross between the web processes");

    // The collaboration sockets of both processes show in each one's /metrics, parsed as a scraper would.
    expect((await scrape(web[0]!)).get("merchboard_collab_sockets")).toBe(1);
    expect((await scrape(web[1]!)).get("merchboard_collab_sockets")).toBe(1);

    // Alice keeps editing while her web process is stopped (SIGTERM, as an orchestrator does): it
    // closes her socket with "restarting", she reconnects to the other one and nothing is lost.
    let closeCode = 0;
    a.provider.on("connection-close", (event: { code: number } | null) => void (closeCode ||= event?.code ?? -1));
    let onOther: ReturnType<typeof connectProvider> | null = null;
    const EDITS = 120;
    const stopped = (async () => {
      await eventually(() => names(b.doc).size >= 30, 20_000, "a first part of the edits");
      return web[0]!.stop("SIGTERM");
    })();
    for (let i = 0; i < EDITS; i++) {
      addShapes(canvasDoc(a.doc), [rect({ name: `edit ${i}` })]);
      if (closeCode && !onOther) {
        a.provider.destroy();
        onOther = connectProvider(web[1]!.port!, canvasId, aliceCookie, a.doc, APP_URL);
      }
      await new Promise((r) => setTimeout(r, 15));
    }
    expect(await stopped).toBe(0);
    expect(closeCode).toBe(1012);
    expect(web[0]!.log()).toContain("SIGTERM: stopping web");
    expect(onOther).not.toBeNull();
    await synced(onOther!.provider);
    const all = Array.from({ length: EDITS }, (_, i) => `edit ${i}`);
    await eventually(() => all.every((n) => names(b.doc).has(n)), 20_000, "every edit to reach the other web process");

    // And all of it is stored: a newcomer loads it from Postgres.
    const late = connectProvider(web[1]!.port!, canvasId, bobCookie, new Y.Doc(), APP_URL);
    await synced(late.provider);
    expect(all.every((n) => names(late.doc).has(n))).toBe(true);
    for (const p of [a.provider, b.provider, onOther!.provider, late.provider]) p.destroy();
  }, 120_000);

  it("a worker killed mid-generation loses nothing: the other worker takes its job over and drains the queue, running each job once", async () => {
    const people = await Promise.all(["Ann", "Ben", "Cy"].map((n) => signedUpClient(t.db, n)));
    const ids: string[] = [];
    for (const person of people) {
      const { id: canvasId } = await person.client.canvas.create.mutate({ name: `${person.user.name}'s queue` });
      for (let i = 0; i < 2; i++) ids.push((await person.client.generation.create.mutate({ canvasId, prompt: "red heart", seed: ids.length + 1, steps: 40 })).id);
    }
    // Wait until a generation is under way, find the worker process that holds it, and kill it as a power cut would.
    let victim: RoleProcess | undefined;
    await eventually(async () => {
      const held = await t.db.execute(sql`select h.pid from graphile_worker._private_jobs j join worker_heartbeats h on h.worker_id = j.locked_by
                                           join generations g on g.status = 'running' and g.step >= 1 and j.payload->>'generationId' = g.id::text`);
      const pid = (held.rows[0] as { pid: number } | undefined)?.pid;
      victim = workers.find((w) => w.child.pid === pid);
      return !!victim;
    }, 120_000, "a generation to be running on one of the workers");
    await victim!.stop("SIGKILL");
    const survivor = workers.find((w) => w !== victim)!;

    // Drained: every generation succeeded and every job is done (a job ends after its run is recorded).
    const generateJobsLeft = async () =>
      Number(((await t.db.execute(sql`select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'generate'`)).rows[0] as { n: number }).n);
    await eventually(async () => {
      const rows = await t.db.select({ status: generations.status }).from(generations).where(inArray(generations.id, ids));
      return rows.every((r) => r.status === "succeeded") && (await generateJobsLeft()) === 0;
    }, 300_000, "every generation to succeed on the surviving worker and the queue to drain");
    expect(survivor.log()).toContain("unlocked the jobs of stopped workers");

    // Each generation's job finished exactly once (the killed run left no record, it simply ran again).
    const runs = await t.db.execute(sql`select job_id, count(*) filter (where ok)::int as ok from job_runs where task = 'generate' group by job_id`);
    expect(runs.rows).toHaveLength(ids.length);
    expect((runs.rows as { ok: number }[]).every((r) => r.ok === 1)).toBe(true);
  }, 420_000);
});
