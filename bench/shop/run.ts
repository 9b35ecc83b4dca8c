import type { ChildProcess } from "node:child_process";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { getStorage } from "@/server/storage/storage";
import { cpuSeconds, httpLoad, table } from "../lib/load";
import { startBenchData, startBenchServers } from "../lib/stack";
import { postJson } from "./post";
import { guestCart, seedListing } from "./seed";

/**
 * The shop's hot reads (listing.get, cart.get) through our tRPC path against a bare node:http
 * handler running the same service functions, in one run, as the median of alternating rounds;
 * then checkout.create's latency under 20 concurrent shoppers through both.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SHOPPERS = 20;
const CHECKOUTS_EACH = Number(process.env.BENCH_CHECKOUTS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const address = { name: "Bench Shopper", line1: "1 Load St", city: "Springfield", region: "IL", postalCode: "62701", country: "US", phone: "(217) 555-0134" };

async function main() {
  const data = await startBenchData();
  const { db } = data;
  const listing = await seedListing(db, getStorage());
  const readCart = await guestCart(db, listing.id, ["tee-black-m", "tee-white-l", "tee-navy-xl"]);
  // One proxy in front (TRUST_PROXY=1): each simulated shopper's checkout comes from an address of
  // its own, as it would in production, instead of 400 checkouts from one address.
  const servers = await startBenchServers(data, { bareFile: path.join(import.meta.dirname, "bareServer.ts"), appEnv: { TRUST_PROXY: "1" } });
  const { app, bare } = servers;

  const input = (json: unknown) => encodeURIComponent(JSON.stringify({ json }));
  const reads: { name: string; targets: [string, ChildProcess, string][]; headers: Record<string, string> }[] = [
    {
      name: "listing.get",
      headers: {},
      targets: [
        ["tRPC", app, `${servers.appUrl}/api/trpc/listing.get?input=${input({ slug: listing.slug })}`],
        ["bare node:http", bare, `${servers.bareUrl}/listing?slug=${listing.slug}`],
      ],
    },
    {
      name: "cart.get (3 lines, signed out)",
      headers: { cookie: readCart },
      targets: [
        ["tRPC", app, `${servers.appUrl}/api/trpc/cart.get`],
        ["bare node:http", bare, `${servers.bareUrl}/cart`],
      ],
    },
  ];

  const rows: (string | number)[][] = [];
  const verdicts: string[] = [];
  for (const read of reads) {
    const runs = new Map(read.targets.map(([name]) => [name, [] as { perSecond: number; perCore: number; p50: number; p99: number; errors: number }[]]));
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < read.targets.length; k++) {
        const [name, proc, url] = read.targets[(round + k) % read.targets.length]!;
        await httpLoad(url, read.headers, CONCURRENCY, 1);
        const cpu0 = cpuSeconds(proc.pid!);
        const r = await httpLoad(url, read.headers, CONCURRENCY, SECONDS);
        runs.get(name)!.push({ perSecond: r.requests / r.seconds, perCore: r.requests / (cpuSeconds(proc.pid!) - cpu0), p50: r.p50, p99: r.p99, errors: r.errors });
      }
    }
    for (const [name, rs] of runs) {
      rows.push([read.name, name, Math.round(median(rs.map((r) => r.perSecond))), Math.round(median(rs.map((r) => r.perCore))), median(rs.map((r) => r.p50)).toFixed(2), median(rs.map((r) => r.p99)).toFixed(2), rs.reduce((n, r) => n + r.errors, 0)]);
    }
    const [ours, floor] = [...runs.values()].map((rs) => median(rs.map((r) => r.perSecond)));
    verdicts.push(`${read.name}: tRPC / bare = ${(ours! / floor!).toFixed(2)} (req/s, medians)`);
  }
  console.log(`\nShop reads, ${CONCURRENCY} keep-alive clients, median of ${ROUNDS} alternating runs of ${SECONDS} s, ${os.cpus().length} cores\n`);
  console.log(table(["procedure", "server", "req/s", "req/s per core", "p50 ms", "p99 ms", "errors"], rows));
  console.log(`\n${verdicts.join("\n")}`);

  // Checkout: 20 shoppers at once, each placing CHECKOUTS_EACH orders one after another, each from
  // a cart of two items made beforehand (not timed). Alternating rounds through both servers.
  let address4 = 0;
  const nextAddress = () => (address4++, `10.${(address4 >> 16) & 255}.${(address4 >> 8) & 255}.${address4 & 255}`);
  const checkoutTargets: [string, (cookie: string, key: string) => Promise<{ status: number; ms: number }>][] = [
    ["tRPC", (cookie, key) => postJson(appAgent, `${servers.appUrl}/api/trpc/checkout.create`, { json: { idempotencyKey: key, email: "shopper@example.com", shippingAddress: address } }, { cookie, "x-forwarded-for": nextAddress(), origin: `${servers.appUrl}` })],
    ["bare node:http", (cookie, key) => postJson(bareAgent, `${servers.bareUrl}/checkout`, { idempotencyKey: key, email: "shopper@example.com", shippingAddress: address }, { cookie })],
  ];
  const appAgent = new http.Agent({ keepAlive: true, maxSockets: SHOPPERS });
  const bareAgent = new http.Agent({ keepAlive: true, maxSockets: SHOPPERS });
  const lat = new Map<string, number[][]>(checkoutTargets.map(([n]) => [n, []]));
  let failures = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < checkoutTargets.length; k++) {
      const [name, send] = checkoutTargets[(round + k) % checkoutTargets.length]!;
      const carts = await Promise.all(Array.from({ length: SHOPPERS * CHECKOUTS_EACH }, () => guestCart(db, listing.id, ["tee-black-m", "tee-white-l"])));
      const ms: number[] = [];
      await Promise.all(
        Array.from({ length: SHOPPERS }, async (_, s) => {
          for (let i = 0; i < CHECKOUTS_EACH; i++) {
            const r = await send(carts[s * CHECKOUTS_EACH + i]!, `bench-${round}-${k}-${s}-${i}`);
            if (r.status === 200) ms.push(r.ms);
            else failures++;
          }
        }),
      );
      lat.get(name)!.push(ms);
    }
  }
  const checkoutRows = [...lat].map(([name, rounds]) => [name, rounds.reduce((n, r) => n + r.length, 0), median(rounds.map((r) => quantile(r, 0.5))).toFixed(1), median(rounds.map((r) => quantile(r, 0.99))).toFixed(1)]);
  console.log(`\ncheckout.create (2 lines, test provider), ${SHOPPERS} concurrent shoppers × ${CHECKOUTS_EACH} orders, median of ${ROUNDS} alternating rounds\n`);
  console.log(table(["server", "orders", "p50 ms", "p99 ms"], checkoutRows));
  const [oursP99, bareP99] = [...lat.values()].map((rounds) => median(rounds.map((r) => quantile(r, 0.99))));
  console.log(`\ncheckout p99, tRPC / bare: ${(oursP99! / bareP99!).toFixed(2)}; failed checkouts: ${failures}`);

  appAgent.destroy();
  bareAgent.destroy();
  await servers.stop();
  await data.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
