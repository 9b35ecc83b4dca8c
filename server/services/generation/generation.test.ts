import { eq, sql } from "drizzle-orm";
import { SESSION_COOKIE, sessionIdOf } from "@/server/auth/sessions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generations } from "@/db/schema";
import { handleTrpcRequest } from "@/server/http/trpcHandler";
import { eventually } from "@/test/collabClients";
import { createTestDb, type TestDb } from "@/test/testDb";
import { errorCode, errorOf, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { claimGeneration, failOrphanedGenerations, reportProgress } from "@/worker/generation/generationRun";
import { MAX_OPEN_PER_USER } from "./generationService";
import { requireCanvasRole } from "../canvas/access";
import { watchGenerations } from "./generationWatch";

type Person = Awaited<ReturnType<typeof signedUpClient>>;

let t: TestDb;
let canvasId: string;
let owner: Person, editor: Person, viewer: Person, stranger: Person;

const rowCount = async () => Number(((await t.db.execute(sql`select count(*) as n from generations`)).rows[0] as { n: string }).n);
const jobCount = async () => Number(((await t.db.execute(sql`select count(*) as n from graphile_worker.jobs where task_identifier = 'generate'`)).rows[0] as { n: string }).n);

beforeAll(async () => {
  t = await createTestDb();
  [owner, editor, viewer, stranger] = await Promise.all([
    signedUpClient(t.db, "Owner"),
    signedUpClient(t.db, "Editor"),
    signedUpClient(t.db, "Viewer"),
    signedUpClient(t.db, "Stranger"),
  ]);
  ({ id: canvasId } = await owner.client.canvas.create.mutate({ name: "Queue" }));
  for (const [who, role] of [[editor, "editor"], [viewer, "viewer"]] as const) {
    const inv = await owner.client.invite.create.mutate({ canvasId, role });
    await who.client.invite.accept.mutate({ token: inv.token });
  }
});
afterAll(() => t.close());

describe("generation.create", () => {
  it("queues a row and its job together, filling the model's defaults", async () => {
    const { id } = await editor.client.generation.create.mutate({ canvasId, prompt: "red heart" });
    const row = await t.db.query.generations.findFirst({ where: eq(generations.id, id) });
    expect(row).toMatchObject({ status: "queued", prompt: "red heart", width: 64, height: 64, count: 1, steps: 20, scheduler: "ddim" });
    expect(row!.seed).toBeGreaterThanOrEqual(0);
    const job = await t.db.execute(sql`select payload from graphile_worker._private_jobs where key = ${`generation:${id}`}`);
    expect(job.rows[0]).toEqual({ payload: { generationId: id } });

    const list = await viewer.client.generation.list.query({ canvasId });
    expect(list.find((g) => g.id === id)).toMatchObject({ status: "queued", prompt: "red heart", progress: 0, images: [], requestedBy: { name: "Editor" } });
    expect(list.find((g) => g.id === id)!.position).toBeGreaterThanOrEqual(1);
  });

  it("refuses bad parameters naming the field, and writes nothing", async () => {
    const [rows, jobs] = [await rowCount(), await jobCount()];
    const bad = [
      { prompt: "" },
      { prompt: "x".repeat(1001) },
      { prompt: "cat", steps: 0 },
      { prompt: "cat", steps: 1.5 },
      { prompt: "cat", guidance: -1 },
      { prompt: "cat", count: 5 },
      { prompt: "cat", seed: -3 },
      { prompt: "cat", scheduler: "plms" as "ddim" },
      { prompt: "cat", width: 65 },
      { prompt: "cat", height: 4096 },
    ];
    for (const input of bad) {
      const e = await errorOf(editor.client.generation.create.mutate({ canvasId, ...input }));
      expect(e.data?.code, JSON.stringify(input)).toBe("BAD_REQUEST");
      const field = Object.keys(input).find((k) => k !== "prompt") ?? "prompt";
      expect(e.message, JSON.stringify(input)).toContain(field);
    }
    expect([await rowCount(), await jobCount()]).toEqual([rows, jobs]);
  });

  it("checks the role: viewers are forbidden, strangers cannot see the canvas", async () => {
    const rows = await rowCount();
    expect(await errorCode(viewer.client.generation.create.mutate({ canvasId, prompt: "cat" }))).toBe("FORBIDDEN");
    expect(await errorCode(stranger.client.generation.create.mutate({ canvasId, prompt: "cat" }))).toBe("NOT_FOUND");
    expect(await errorCode(stranger.client.generation.list.query({ canvasId }))).toBe("NOT_FOUND");
    expect(await rowCount()).toBe(rows);
  });

  it("limits how many one person has waiting, also under concurrent calls", async () => {
    const busy = await signedUpClient(t.db, "Busy");
    const { id } = await busy.client.canvas.create.mutate({ name: "Busy" });
    const results = await Promise.allSettled(
      Array.from({ length: MAX_OPEN_PER_USER + 3 }, (_, i) => busy.client.generation.create.mutate({ canvasId: id, prompt: `pizza ${i}` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_OPEN_PER_USER);
    expect(await errorCode(busy.client.generation.create.mutate({ canvasId: id, prompt: "one more" }))).toBe("TOO_MANY_REQUESTS");
    // Canceling one makes room again, and retrying the canceled one is held to the same limit.
    const open = await busy.client.generation.list.query({ canvasId: id });
    await busy.client.generation.cancel.mutate({ id: open[0]!.id });
    await busy.client.generation.create.mutate({ canvasId: id, prompt: "now it fits" });
    expect(await errorCode(busy.client.generation.retry.mutate({ id: open[0]!.id }))).toBe("TOO_MANY_REQUESTS");
    expect((await t.db.query.generations.findFirst({ where: eq(generations.id, open[0]!.id) }))!.status).toBe("canceled");
  });
});

describe("generation.cancel and retry", () => {
  it("removes a queued generation's job; only its author or an owner may", async () => {
    const { id } = await editor.client.generation.create.mutate({ canvasId, prompt: "rocket" });
    expect(await errorCode(viewer.client.generation.cancel.mutate({ id }))).toBe("FORBIDDEN");
    expect(await errorCode(stranger.client.generation.cancel.mutate({ id }))).toBe("NOT_FOUND");
    await owner.client.generation.cancel.mutate({ id });
    const row = await t.db.query.generations.findFirst({ where: eq(generations.id, id) });
    expect(row!.status).toBe("canceled");
    expect((await t.db.execute(sql`select 1 from graphile_worker.jobs where key = ${`generation:${id}`}`)).rows).toHaveLength(0);
    expect(await errorCode(editor.client.generation.cancel.mutate({ id }))).toBe("BAD_REQUEST");

    await editor.client.generation.retry.mutate({ id });
    const again = await t.db.query.generations.findFirst({ where: eq(generations.id, id) });
    expect(again!.status).toBe("queued");
    expect((await t.db.execute(sql`select 1 from graphile_worker.jobs where key = ${`generation:${id}`}`)).rows).toHaveLength(1);
    expect(await errorCode(editor.client.generation.retry.mutate({ id }))).toBe("BAD_REQUEST");
  });

  it("answers NOT_FOUND for an unknown id and BAD_REQUEST for a malformed one", async () => {
    expect(await errorCode(editor.client.generation.cancel.mutate({ id: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    expect(await errorCode(editor.client.generation.cancel.mutate({ id: "nope" }))).toBe("BAD_REQUEST");
  });
});

describe("the worker's side", () => {
  it("lets only the latest run of a generation write: a superseded run is told to stop", async () => {
    const { id } = await editor.client.generation.create.mutate({ canvasId, prompt: "ghost" });
    const first = (await claimGeneration(t.db, id))!;
    const second = (await claimGeneration(t.db, id))!;
    expect(await reportProgress(t.db, first, 1, 20)).toBe(false);
    expect(await reportProgress(t.db, second, 1, 20)).toBe(true);
    expect((await t.db.query.generations.findFirst({ where: eq(generations.id, id) }))!.attempts).toBe(2);
  });

  it("fails a generation whose job can no longer run, so no phantom stays in the queue", async () => {
    const { id } = await editor.client.generation.create.mutate({ canvasId, prompt: "crown" });
    const kept = await editor.client.generation.create.mutate({ canvasId, prompt: "cherries" });
    // The job crashed its worker on its last attempt; both rows were last touched a while ago.
    await t.db.execute(sql`update graphile_worker._private_jobs set attempts = max_attempts where key = ${`generation:${id}`}`);
    await t.db.execute(sql`update generations set status = 'running', updated_at = now() - interval '5 minutes' where id in (${id}, ${kept.id})`);
    expect(await failOrphanedGenerations(t.db)).toBe(1);
    expect((await t.db.query.generations.findFirst({ where: eq(generations.id, id) }))).toMatchObject({ status: "failed", error: "workerLost" });
    expect((await t.db.query.generations.findFirst({ where: eq(generations.id, kept.id) }))!.status).toBe("running");
  });
});

describe("generation.events", () => {
  it("streams the whole list first, then again when anything changes, from another process's writes", async () => {
    const controller = new AbortController();
    const seen: string[][] = [];
    const reading = (async () => {
      for await (const list of watchGenerations(t.db, await requireCanvasRole(t.db, viewer.user.id, canvasId, "viewer"), { signal: controller.signal })) seen.push(list.map((g) => `${g.prompt}:${g.status}`));
    })();
    await eventually(() => seen.length >= 1, 5_000, "the first list");
    const { id } = await editor.client.generation.create.mutate({ canvasId, prompt: "smiling face with sunglasses" });
    await eventually(() => seen.at(-1)!.includes("smiling face with sunglasses:queued"), 5_000, "the new generation");
    // The worker's progress write, made here by hand through the same statement shape.
    await t.db.execute(sql`update generations set status = 'running', step = 3 where id = ${id}`);
    await t.db.execute(sql`select pg_notify('generation_events', ${JSON.stringify({ canvasId, id, kind: "progress" })})`);
    await eventually(() => seen.at(-1)!.includes("smiling face with sunglasses:running"), 5_000, "the progress");
    controller.abort();
    await reading;
  });

  it("moves a waiting generation up the line when one ahead of it leaves, on another canvas", async () => {
    // Ahead in the fair queue: someone with nothing else waiting, who asked first.
    const first = await signedUpClient(t.db, "First");
    const { id: firstCanvas } = await first.client.canvas.create.mutate({ name: "First" });
    const ahead = await first.client.generation.create.mutate({ canvasId: firstCanvas, prompt: "sun" });
    const { id: otherCanvas } = await owner.client.canvas.create.mutate({ name: "Elsewhere" });
    const behind = await owner.client.generation.create.mutate({ canvasId: otherCanvas, prompt: "rainbow" });
    const controller = new AbortController();
    const places: number[] = [];
    const reading = (async () => {
      for await (const list of watchGenerations(t.db, await requireCanvasRole(t.db, owner.user.id, otherCanvas, "viewer"), { signal: controller.signal })) places.push(list.find((g) => g.id === behind.id)!.position!);
    })();
    await eventually(() => places.length >= 1, 5_000, "the first list");
    const before = places[0]!;
    await first.client.generation.cancel.mutate({ id: ahead.id });
    await eventually(() => places.at(-1) === before - 1, 5_000, "the new place in line");
    controller.abort();
    await reading;
  });

  it("ends the stream when the watcher loses access", async () => {
    const guest = await signedUpClient(t.db, "Guest");
    const inv = await owner.client.invite.create.mutate({ canvasId, role: "viewer" });
    await guest.client.invite.accept.mutate({ token: inv.token });
    let lists = 0;
    const reading = (async () => {
      for await (const _ of watchGenerations(t.db, await requireCanvasRole(t.db, guest.user.id, canvasId, "viewer"))) lists++;
    })();
    // At least one: a notification left over from the tests before may bring a second list at once.
    await eventually(() => lists >= 1, 5_000, "the first list");
    await owner.client.canvas.removeMember.mutate({ canvasId, userId: guest.user.id });
    await reading;
  });

  it("ends the stream when the session it was opened with signs out", async () => {
    const leaving = await signedUpClient(t.db, "Leaving");
    const inv = await owner.client.invite.create.mutate({ canvasId, role: "viewer" });
    await leaving.client.invite.accept.mutate({ token: inv.token });
    const sessionId = sessionIdOf(leaving.jar.get(SESSION_COOKIE)!);
    let lists = 0;
    const reading = (async () => {
      for await (const _ of watchGenerations(t.db, await requireCanvasRole(t.db, leaving.user.id, canvasId, "viewer"), { sessionId })) lists++;
    })();
    await eventually(() => lists >= 1, 5_000, "the first list");
    await leaving.client.auth.signOut.mutate();
    await reading;
    // Still a member: only the session ended, not the access.
    expect((await requireCanvasRole(t.db, leaving.user.id, canvasId, "viewer")).role).toBe("viewer");
  });

  it("is served over SSE to members only", async () => {
    const url = `${TEST_APP_URL}/api/trpc/generation.events?input=${encodeURIComponent(JSON.stringify({ json: { canvasId } }))}`;
    const cookie = (p: Person) => [...p.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const controller = new AbortController();
    const res = await handleTrpcRequest(t.db, TEST_APP_URL, new Request(url, { headers: { cookie: cookie(viewer), accept: "text/event-stream" }, signal: controller.signal }));
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("rocket")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain("data:");
    controller.abort();
    await reader.cancel().catch(() => {});

    const refused = await handleTrpcRequest(t.db, TEST_APP_URL, new Request(url, { headers: { cookie: cookie(stranger), accept: "text/event-stream" } }));
    const body = await refused.text();
    expect(body).toContain("NOT_FOUND");
  });
});
