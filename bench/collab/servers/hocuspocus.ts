import { Server } from "@hocuspocus/server";

/** Hocuspocus as it ships, in memory, without extensions. */
const server = new Server({ port: Number(process.env.PORT), address: "127.0.0.1", quiet: true });
server.listen().then(() => process.send?.("ready"));
