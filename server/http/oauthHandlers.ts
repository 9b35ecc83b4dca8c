import type { Db } from "@/db/client";
import { readCookie } from "../auth/cookies";
import { limits } from "../auth/limits";
import { takeAttempt } from "../auth/rateLimit";
import { startSession } from "../auth/sessions";
import { beginAuthorization, completeAuthorization, OAUTH_NEXT_COOKIE, OAUTH_STATE_COOKIE, OAUTH_VERIFIER_COOKIE, safeNextPath } from "../auth/oauth/flow";
import { findProvider } from "../auth/oauth/providers";
import { AppError } from "../errors";
import { signInWithOAuth } from "../services/account/accountService";
import { requestAddress } from "./clientAddress";
import { jsonError } from "./requestGuards";
import { log } from "@/server/log";

function cookie(name: string, value: string, appUrl: string, maxAge: number): string {
  const secure = appUrl.startsWith("https://") ? "; Secure" : "";
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

const cookieOf = (req: Request, name: string) => readCookie(req.headers.get("cookie"), name);

function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location });
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(null, { status: 302, headers });
}

/**
 * GET /api/auth/<provider>: remembers state, PKCE verifier and where to go next, then leaves.
 * Starts are counted per client address: each one is a round trip to the provider on our keys.
 */
export async function startOAuth(db: Db, req: Request, providerId: string, appUrl: string): Promise<Response> {
  const provider = findProvider(providerId);
  if (!provider) return jsonError(404, "This sign-in provider is not configured.");
  try {
    await takeAttempt(db, [limits.oauthStartsPerAddress(requestAddress(req))]);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "TOO_MANY_REQUESTS") throw e;
    const res = jsonError(429, e.message);
    res.headers.set("retry-after", String(e.details.retryAfterSeconds ?? 60));
    return res;
  }
  const { url, state, codeVerifier } = beginAuthorization(provider, appUrl);
  const next = safeNextPath(new URL(req.url).searchParams.get("next"), appUrl);
  return redirect(url.toString(), [
    cookie(OAUTH_STATE_COOKIE, state, appUrl, 600),
    cookie(OAUTH_VERIFIER_COOKIE, codeVerifier, appUrl, 600),
    cookie(OAUTH_NEXT_COOKIE, next, appUrl, 600),
  ]);
}

/** GET /api/auth/<provider>/callback: checks state, exchanges the code, signs in, goes on. */
export async function finishOAuth(db: Db, req: Request, providerId: string, appUrl: string): Promise<Response> {
  const provider = findProvider(providerId);
  if (!provider) return jsonError(404, "This sign-in provider is not configured.");
  const params = new URL(req.url).searchParams;
  const clear = [OAUTH_STATE_COOKIE, OAUTH_VERIFIER_COOKIE, OAUTH_NEXT_COOKIE].map((n) => cookie(n, "", appUrl, 0));
  const fail = (reason: string) => redirect(`${appUrl}/sign-in?error=${encodeURIComponent(reason)}`, clear);
  const state = params.get("state");
  const code = params.get("code");
  const verifier = cookieOf(req, OAUTH_VERIFIER_COOKIE);
  if (!state || !code || !verifier || state !== cookieOf(req, OAUTH_STATE_COOKIE)) return fail("oauth.badState");
  try {
    const profile = await completeAuthorization(provider, appUrl, code, verifier);
    const user = await db.transaction((tx) => signInWithOAuth(tx, profile));
    const session = await startSession(db, user.id);
    return redirect(`${appUrl}${safeNextPath(cookieOf(req, OAUTH_NEXT_COOKIE), appUrl)}`, [...clear, session]);
  } catch (e) {
    if (e instanceof AppError) return fail(e.reason);
    log.error({ err: e, provider: providerId }, "oauth: sign-in failed");
    return fail("oauth.failed");
  }
}
