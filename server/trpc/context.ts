import type { Db } from "@/db/client";
import { validateSession, type CurrentSession } from "../auth/sessions";
import { env } from "../env";
import { requestAddress, type RequestHeaders } from "../http/clientAddress";
import { requestLocale, type Locale } from "@/domain/i18n/locales";

export type Context = {
  db: Db;
  session: CurrentSession | null;
  resHeaders: Headers;
  appUrl: string;
  /** The client's address as our HTTP server saw it (for per-address rate limits). */
  clientAddress: string;
  /** The request's Cookie header (the session is read from it already; the shop's cart cookie too). */
  cookieHeader: string | null;
  /** The language the page was shown in: its cookie, else the browser's Accept-Language. */
  locale: Locale;
};

export async function createContext(db: Db, req: RequestHeaders, resHeaders: Headers): Promise<Context> {
  const session = await validateSession(db, req.headers.get("cookie"));
  if (session?.refreshCookie) resHeaders.append("Set-Cookie", session.refreshCookie);
  const cookieHeader = req.headers.get("cookie");
  return { db, session, resHeaders, appUrl: env().APP_URL, clientAddress: requestAddress(req), cookieHeader, locale: requestLocale(cookieHeader, req.headers.get("accept-language")) };
}
