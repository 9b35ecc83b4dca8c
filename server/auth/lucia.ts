import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia } from "lucia";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { env } from "../env";

export const SESSION_COOKIE = "mb_session";

function build(db: Db) {
  return new Lucia(new DrizzlePostgreSQLAdapter(db, sessions, users), {
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: true,
      attributes: { secure: env().APP_URL.startsWith("https://"), sameSite: "lax" },
    },
    getUserAttributes: (a) => ({ email: a.email, name: a.name, emailVerified: a.emailVerified }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof build>;
    DatabaseUserAttributes: { email: string; name: string; emailVerified: boolean };
  }
}

const instances = new WeakMap<Db, ReturnType<typeof build>>();

/** Lucia is used only here and in sessions.ts, so it can be replaced without touching callers. */
export function luciaFor(db: Db) {
  let lucia = instances.get(db);
  if (!lucia) {
    lucia = build(db);
    instances.set(db, lucia);
  }
  return lucia;
}
