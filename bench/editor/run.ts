import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import * as Y from "yjs";
import { createDb } from "@/db/client";
import { databaseUrl } from "@/db/embedded";
import { canvasDocs } from "@/db/schema";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { addShapes } from "@/domain/document/edits";
import { makeShape, type Shape } from "@/app/_components/editor/store/shapeTypes";
import { freePort } from "@/test/freePort";
import { table } from "../lib/load";

/**
 * Frame times while panning the editor in Chromium with 0 (the reference, same run), 1,000 and
 * 5,000 objects on the canvas.
 */
const COUNTS = (process.env.BENCH_COUNTS ?? "0,1000,5000").split(",").map(Number);
const PAN_MS = Number(process.env.BENCH_PAN_MS ?? 3000);
const root = path.resolve(import.meta.dirname, "../..");

function seededShapes(n: number): Shape[] {
  const kinds = ["rect", "ellipse", "text"] as const;
  return Array.from({ length: n }, (_, i) => {
    const kind = kinds[i % 3]!;
    return makeShape(kind, { x: (i * 37) % 1150, y: (i * 53) % 1150 }, { width: 40, height: 30, fill: `hsl(${(i * 47) % 360} 70% 60%)`, text: kind === "text" ? `T${i}` : undefined, fontSize: 14 });
  });
}

/** Starts the app built in `appRoot` and measures every count there. */
async function measure(appRoot: string): Promise<(string | number)[][]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-editor-bench-"));
  const [port, pgPort] = [await freePort(), await freePort()];
  spawnSync("npm", ["run", "bundle", "--silent"], { cwd: appRoot });
  const app = spawn(process.execPath, [path.join(appRoot, ".build/scripts/start.mjs")], {
    cwd: appRoot,
    env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, APP_URL: `http://localhost:${port}`, DATABASE_URL: "", S3_ENDPOINT: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((r) => app.stdout!.on("data", (d) => String(d).includes("ready at") && r()));
  const { db, pool } = createDb(databaseUrl(pgPort, "merchboard"));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const base = `http://localhost:${port}`;
  const call = (proc: string, input: unknown) =>
    page.request.post(`${base}/api/trpc/${proc}`, { headers: { origin: base }, data: { json: input } }).then((r) => r.json());
  await call("auth.signUp", { email: "bench@example.com", password: "password123", name: "Bench" });
  const rows: (string | number)[][] = [];
  for (const n of COUNTS) {
    const { result } = await call("canvas.create", { name: `Bench ${n}` });
    const id = result.data.json.id as string;
    const doc = new Y.Doc();
    const shapes = seededShapes(n);
    addShapes(canvasDoc(doc), shapes);
    await db.insert(canvasDocs).values({ canvasId: id, snapshot: Y.encodeStateAsUpdate(doc), throughUpdateId: 0 });
    await page.goto(`${base}/canvas/${id}`);
    await page.getByTestId("connection-status").and(page.locator('[data-status="connected"]')).waitFor();
    await page.waitForFunction(`document.querySelector('[data-testid="layers"]')?.getAttribute('data-count') === '${n}'`, undefined, { timeout: 120_000 });
    const stage = (await page.getByTestId("editor-stage").boundingBox())!;
    await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
    // A string, not a function: the TypeScript loader would add helpers the page does not have.
    const frames = page.evaluate(`new Promise((resolve) => {
      const times = [];
      let last = performance.now();
      const end = last + ${PAN_MS};
      const tick = (t) => {
        times.push(t - last);
        last = t;
        if (t < end) requestAnimationFrame(tick);
        else resolve(times);
      };
      requestAnimationFrame(tick);
    })`) as Promise<number[]>;
    const until = Date.now() + PAN_MS;
    let dir = 1;
    while (Date.now() < until) {
      await page.mouse.wheel(12 * dir, 8 * dir);
      dir = -dir;
    }
    const times = (await frames).slice(2).sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    rows.push([n === 0 ? "0 (reference)" : n, Number((1000 / mean).toFixed(1)), Number(mean.toFixed(1)), Number(q(0.95).toFixed(1)), Number(q(0.99).toFixed(1)), times.length]);
  }
  await browser.close();
  await pool.end();
  await new Promise<void>((r) => (app.once("exit", () => r()), app.kill("SIGTERM")));
  fs.rmSync(dataDir, { recursive: true, force: true });
  return rows;
}

const HEADERS = ["objects", "fps", "mean frame ms", "p95 frame ms", "p99 frame ms", "frames"];

/**
 * With BENCH_BASELINE_DIR (another checkout of the project, built), the same scenarios run there
 * first and here second, in one run, so that a change is judged against what came before it on
 * the same machine at the same time.
 */
async function main() {
  const baseline = process.env.BENCH_BASELINE_DIR;
  const runs: [string, (string | number)[][]][] = [];
  if (baseline) runs.push([`baseline (${baseline})`, await measure(baseline)]);
  runs.push(["this checkout", await measure(root)]);
  console.log(`\neditor: panning with the wheel for ${PAN_MS} ms in Chromium (software rendering), 1280×800\n`);
  for (const [label, rows] of runs) {
    console.log(`${label}\n${table(HEADERS, rows)}`);
    const ref = rows[0]![1] as number;
    for (const r of rows.slice(1)) console.log(`${r[0]} objects: ${((r[1] as number) / ref).toFixed(2)}× the reference frame rate`);
    console.log("");
  }
  if (runs.length === 2) {
    const [before, after] = [runs[0]![1], runs[1]![1]];
    console.log(table(["objects", "fps before", "fps after", "after ÷ before", "p95 ms before", "p95 ms after"], after.map((r, i) => [r[0]!, before[i]![1]!, r[1]!, Number(((r[1] as number) / (before[i]![1] as number)).toFixed(2)), before[i]![3]!, r[3]!])));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
