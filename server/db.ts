import { createDb, type Db } from "@/db/client";
import { env } from "./env";

let shared: Db | undefined;

/** The web process's pool, created on first use from DATABASE_URL (set by the start script). */
export function getDb(): Db {
  if (!shared) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`.");
    shared = createDb(url).db;
  }
  return shared;
}
