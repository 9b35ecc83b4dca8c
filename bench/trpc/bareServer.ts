import http from "node:http";
import { createDb } from "@/db/client";
import { validateSession } from "@/server/auth/sessions";
import { listCanvases } from "@/server/services/canvas/canvasService";

/** The floor: node:http doing what canvas.list does (session lookup, the query, JSON), nothing else. */
const { db } = createDb(process.env.DATABASE_URL!);
const server = http.createServer(async (req, res) => {
  const session = await validateSession(db, req.headers.cookie);
  if (!session) {
    res.writeHead(401).end();
    return;
  }
  const rows = await listCanvases(db, { userId: session.user.id });
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows));
});
server.listen(Number(process.env.PORT), () => process.send?.("ready"));
process.on("SIGTERM", () => process.exit(0));
