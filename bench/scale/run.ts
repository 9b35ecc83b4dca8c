import os from "node:os";
import { startSession } from "@/server/auth/sessions";
import { createCanvas } from "@/server/services/canvas/canvasService";
import { publishedTee } from "@/test/shopFixtures";
import { startSmtpTestServer } from "@/test/smtpTestServer";
import { createTestClient, signedUpClient } from "@/test/trpcTestClient";
import { table } from "../lib/load";
import { startBenchData } from "../lib/stack";
import { collabScale } from "./collabScale";
import { jobScale } from "./jobScale";
import { orderMailLatency } from "./orderMail";

/**
 * `npm run bench:scale`: what running more than one process costs, since two shared cores cannot
 * show processes scaling. CPU seconds (every process of the role plus Postgres) per delivered edit,
 * 2 collaboration processes against 1; per finished CPU job, 2 workers against 1; and the order
 * confirmation mail's latency with 20 generations queued against none, in the same run.
 * BENCH_ROUNDS (3), BENCH_SECONDS (6), BENCH_JOBS (30), BENCH_ORDERS (5), BENCH_PARTS=collab,jobs,mail.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const JOBS = Number(process.env.BENCH_JOBS ?? 30);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 5);
const PARTS = (process.env.BENCH_PARTS ?? "collab,jobs,mail").split(",");

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const ms = (v: number) => `${v.toFixed(0)} ms`;

async function main() {
  const data = await startBenchData();
  const env = { DATABASE_URL: process.env.DATABASE_URL!, S3_ENDPOINT: process.env.S3_ENDPOINT!, DATA_DIR: data.dataDir, INFERENCE_DEVICE: "cpu" };
  console.log(`bench:scale on ${os.cpus().length} cores, ${ROUNDS} rounds alternating the configurations; medians shown.\n`);

  if (PARTS.includes("collab")) {
    const owner = await signedUpClient(data.db, "Collab");
    const cookie = (await startSession(data.db, owner.user.id)).split(";")[0]!;
    const newRooms = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push((await createCanvas(data.db, { userId: owner.user.id }, { name: `Room ${i}` })).id);
      return ids;
    };
    const [one, roomsSplit, clientsSplit, relayOne, relayTwo] = await collabScale(process.env.DATABASE_URL!, newRooms, cookie, ROUNDS, SECONDS);
    const two = [roomsSplit!, clientsSplit!];
    console.log(`Collaboration: 100 rooms × 5 clients, 1,000 edits/s for ${SECONDS} s.`);
    console.log(
      table(
        ["processes", "p50", "p99", "delivered", "deliveries/s", "CPU µs per delivered edit: all", "our code (user)", "kernel (system calls)", "Postgres", "all vs 1", "our code vs 1"],
        [one!, ...two, relayOne!, relayTwo!].map((r) => [
          r.name,
          ms(r.p50),
          ms(r.p99),
          `${(r.delivered * 100).toFixed(1)} %`,
          Math.round(r.perSecond),
          r.cpuUsPerEdit.toFixed(1),
          r.userUsPerEdit.toFixed(1),
          r.systemUsPerEdit.toFixed(1),
          r.postgresUsPerEdit.toFixed(1),
          ratio(r.cpuUsPerEdit, (r.name.startsWith("bare") ? relayOne! : one!).cpuUsPerEdit),
          ratio(r.userUsPerEdit, (r.name.startsWith("bare") ? relayOne! : one!).userUsPerEdit),
        ]),
      ),
    );
    const floor = relayTwo!.cpuUsPerEdit / relayOne!.cpuUsPerEdit;
    console.log(`The machine's own cost of a second process (bare relay, 2 vs 1, CPU per delivered edit): ${floor.toFixed(2)}×`);
    for (const r of two) {
      const all = r.cpuUsPerEdit / one!.cpuUsPerEdit;
      console.log(`CPU per delivered edit, ${r.name} vs 1: ${all.toFixed(2)}× in all (must ≤ 1.25×, goal ≤ 1.1×), ${(all / floor).toFixed(2)}× beyond the relay's; our code ${ratio(r.userUsPerEdit, one!.userUsPerEdit)}, kernel ${ratio(r.systemUsPerEdit, one!.systemUsPerEdit)}, Postgres ${ratio(r.postgresUsPerEdit, one!.postgresUsPerEdit)}`);
    }
    console.log("");
  }

  if (PARTS.includes("jobs")) {
    const owner = await signedUpClient(data.db, "Printer");
    const { one, two } = await jobScale(data.db, owner, env, ROUNDS, JOBS);
    console.log(`CPU jobs: ${JOBS} tee print files (1800 × 2400 px) by one worker and by two (CPU queue, concurrency 2 each).`);
    console.log(
      table(
        ["workers", "jobs", "drained in", "CPU s per job (workers + Postgres)", "workers only", "each ran once", "lost"],
        [one, two].map((r) => [r.workers, r.jobs, `${r.seconds.toFixed(1)} s`, r.cpuSPerJob.toFixed(3), r.appCpuSPerJob.toFixed(3), r.ranOnce ? "yes" : "NO", r.lost]),
      ),
    );
    console.log(`CPU per finished job, 2 workers vs 1: ${ratio(two.cpuSPerJob, one.cpuSPerJob)} (must ≤ 1.15×, goal ≤ 1.05×)\n`);
  }

  if (PARTS.includes("mail")) {
    const products = await createTestClient(data.db).client.catalog.products.query();
    const { id: listingId } = await publishedTee(data.db, products);
    const smtp = await startSmtpTestServer();
    const idle = await orderMailLatency(data.db, listingId, smtp, env, 0, ORDERS);
    const busy = await orderMailLatency(data.db, listingId, smtp, env, 20, ORDERS);
    await smtp.close();
    console.log(`Order mail: from the payment's commit to the confirmation reaching SMTP, ${ORDERS} orders each, one worker as npm start runs it.`);
    console.log(
      table(
        ["generations queued", "p50", "max", "generations still open after"],
        [idle, busy].map((r) => [r.queued, ms(r.p50), ms(r.max), r.stillQueued]),
      ),
    );
    console.log(`With 20 queued: max ${ms(busy.max)} (must < 5 s, goal < 1 s); ${ratio(busy.p50, idle.p50)} the idle p50\n`);
  }
  await data.stop();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
