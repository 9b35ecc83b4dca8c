import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventually } from "@/test/collabClients";
import { address, payThroughTestBank } from "@/test/shopFixtures";
import type { startSmtpTestServer } from "@/test/smtpTestServer";
import { createTestClient, signedUpClient } from "@/test/trpcTestClient";
import { startWorker } from "@/test/workerProcess";
import { median, quantile } from "./stats";

export type MailRun = { queued: number; orders: number; p50: number; max: number; stillQueued: number };

type Smtp = Awaited<ReturnType<typeof startSmtpTestServer>>;

const openGenerations = async (db: Db) => Number(((await db.execute(sql`select count(*)::int as n from generations where status in ('queued', 'running')`)).rows[0] as { n: number }).n);

/** 20 slow generations from four people (five each, the most one person may have waiting is six). */
async function queueGenerations(db: Db, n: number): Promise<void> {
  for (let p = 0; p < Math.ceil(n / 5); p++) {
    const person = await signedUpClient(db, `Queuer${p}`);
    const { id: canvasId } = await person.client.canvas.create.mutate({ name: "Busy queue" });
    for (let i = 0; i < Math.min(5, n - p * 5); i++) await person.client.generation.create.mutate({ canvasId, prompt: "a fox in a forest", seed: p * 10 + i + 1, steps: 50, count: 4 });
  }
}

/**
 * From the payment webhook's commit to the buyer's confirmation mail reaching the SMTP server, for
 * `orders` orders, with one worker as `npm start` runs it (both queues) and `queued` generations
 * waiting ahead on the GPU queue.
 */
export async function orderMailLatency(db: Db, listingId: string, smtp: Smtp, env: Record<string, string>, queued: number, orders: number): Promise<MailRun> {
  // Threads as npm start leaves them (all cores), not the one thread test workers get.
  const worker = await startWorker({ ...env, SMTP_URL: smtp.url, ORT_THREADS: "" });
  await eventually(async () => Number(((await db.execute(sql`select count(*)::int as n from graphile_worker._private_jobs`)).rows[0] as { n: number }).n) === 0, 120_000, "the queue to be empty");
  await queueGenerations(db, queued);
  const latencies: number[] = [];
  for (let i = 0; i < orders; i++) {
    const shopper = createTestClient(db);
    const email = `buyer-${randomUUID().slice(0, 8)}@example.com`;
    await shopper.client.cart.add.mutate({ listingId, variantId: "tee-black-m", quantity: 1 });
    const { orderId } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email, shippingAddress: address });
    const order = (await db.execute(sql`select total from orders where id = ${orderId}`)).rows[0] as { total: number };
    const t0 = performance.now();
    await payThroughTestBank(db, orderId, order.total);
    await eventually(() => smtp.received.some((m) => m.to.some((to) => to.includes(email))), 60_000, "the order's confirmation mail");
    latencies.push(performance.now() - t0);
  }
  const stillQueued = await openGenerations(db);
  await worker.kill("SIGKILL");
  // Clear the way for the next run: the generations left are canceled and their jobs removed.
  await db.execute(sql`delete from graphile_worker._private_jobs`);
  await db.execute(sql`update generations set status = 'canceled', finished_at = now() where status in ('queued', 'running')`);
  return { queued, orders, p50: median(latencies), max: quantile(latencies, 1), stillQueued };
}
