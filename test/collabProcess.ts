import http from "node:http";
import { createDb } from "@/db/client";
import { attachCollabServer } from "@/server/collab/collabServer";

/** The collaboration server alone, in its own process, so tests can kill -9 it or run two. */
const { db } = createDb(process.env.DATABASE_URL!);
const server = http.createServer((req, res) => {
  if (req.url === "/stats") {
    void collab.rooms.stats().then((s) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...s, rss: process.memoryUsage().rss })));
    return;
  }
  res.writeHead(404).end();
});
const collab = attachCollabServer(server, {
  db,
  databaseUrl: process.env.DATABASE_URL!,
  appUrl: process.env.APP_URL!,
  limits: process.env.COLLAB_LIMITS ? JSON.parse(process.env.COLLAB_LIMITS) : undefined,
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
// A clean exit on SIGTERM lets `node --cpu-prof` write its profile (bench/collab's BENCH_PROFILE).
process.on("SIGTERM", () => process.exit(0));
