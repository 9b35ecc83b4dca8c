import type { Db } from "@/db/client";
import { validateSession, type CurrentSession } from "../auth/sessions";
import { env } from "../env";

export type Context = {
  db: Db;
  session: CurrentSession | null;
  resHeaders: Headers;
  appUrl: string;
};

export async function createContext(db: Db, req: Request, resHeaders: Headers): Promise<Context> {
  const session = await validateSession(db, req.headers.get("cookie"));
  if (session?.refreshCookie) resHeaders.append("Set-Cookie", session.refreshCookie);
  return { db, session, resHeaders, appUrl: env().APP_URL };
}
