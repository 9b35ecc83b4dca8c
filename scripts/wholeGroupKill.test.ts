import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { groupAlive, startApp, trpcCall, waitHealthy, type AppProcess } from "@/test/appProcess";
import { connectProvider, eventually, synced } from "@/test/collabClients";
import { shapeRecord } from "@/test/designShapes";
import { freePort } from "@/test/freePort";
import { ensureProductionBuild } from "@/test/productionBuild";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-kill-"));
const apps: AppProcess[] = [];
const providers: { destroy: () => void }[] = [];

beforeAll(() => ensureProductionBuild(), 600_000);
afterAll(() => {
  for (const p of providers) p.destroy();
  for (const a of apps) if (a.child.pid && groupAlive(a.child.pid)) process.kill(-a.child.pid, "SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cookieOf = (setCookie: string | null) => setCookie!.split(";")[0]!;

async function signUp(app: AppProcess, name: string): Promise<string> {
  const { setCookie } = await trpcCall(app, "auth.signUp", { email: `${name}@example.com`, password: "correct horse battery", name });
  return cookieOf(setCookie);
}

function provider(app: AppProcess, canvasId: string, cookie: string) {
  const c = connectProvider(app.port, canvasId, cookie, new Y.Doc(), app.origin);
  providers.push(c.provider);
  return c;
}

const shapes = (doc: Y.Doc) => canvasDoc(doc).shapes;

describe("npm start, killed whole", () => {
  it("keeps every edit another client received when its whole process group is killed -9 at once", async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const first = startApp({ port, pgPort, dataDir, detached: true });
    apps.push(first);
    await waitHealthy(first, 180_000);
    const ownerCookie = await signUp(first, "owner");
    const editorCookie = await signUp(first, "editor");
    const { data: canvas } = await trpcCall<{ id: string }>(first, "canvas.create", { name: "Durable" }, ownerCookie);
    const { data: invite } = await trpcCall<{ token: string }>(first, "invite.create", { canvasId: canvas.id, role: "editor" }, ownerCookie);
    await trpcCall(first, "invite.accept", { token: invite.token }, editorCookie);

    const owner = provider(first, canvas.id, ownerCookie);
    const editor = provider(first, canvas.id, editorCookie);
    await Promise.all([synced(owner.provider), synced(editor.provider)]);
    for (let i = 0; i < 50; i++) shapes(editor.doc).set(`e${i}`, shapeRecord(`e${i}`, { x: i, y: i }));
    await eventually(() => shapes(owner.doc).size === 50, 20_000, "the owner to receive all 50 edits");
    // At once: the app, the worker and Postgres die together, with nothing flushed on the way out.
    process.kill(-first.child.pid!, "SIGKILL");
    owner.provider.destroy();
    editor.provider.destroy();
    await eventually(() => !groupAlive(first.child.pid!), 20_000, "the whole group to die");

    const second = startApp({ port, pgPort, dataDir, detached: true });
    apps.push(second);
    await waitHealthy(second, 180_000);
    const reader = provider(second, canvas.id, ownerCookie);
    await synced(reader.provider);
    const missing = Array.from({ length: 50 }, (_, i) => `e${i}`).filter((k) => !shapes(reader.doc).has(k));
    expect(missing).toEqual([]);
    reader.provider.destroy();
    const exited = new Promise((r) => second.child.once("exit", r));
    second.child.kill("SIGTERM");
    await exited;
  }, 600_000);
});
