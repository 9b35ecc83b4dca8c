import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client } from "arctic";
import type { ProviderConfig } from "./providers";

export const OAUTH_STATE_COOKIE = "mb_oauth_state";
export const OAUTH_VERIFIER_COOKIE = "mb_oauth_verifier";
export const OAUTH_NEXT_COOKIE = "mb_oauth_next";

function client(p: ProviderConfig, appUrl: string) {
  return new OAuth2Client(p.clientId, p.clientSecret, `${appUrl}/api/auth/${p.id}/callback`);
}

export function beginAuthorization(p: ProviderConfig, appUrl: string) {
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const url = client(p, appUrl).createAuthorizationURLWithPKCE(p.authorizationUrl, state, CodeChallengeMethod.S256, codeVerifier, p.scopes);
  return { url, state, codeVerifier };
}

/** Exchanges the code (with the PKCE verifier) and reads the provider's profile. */
export async function completeAuthorization(p: ProviderConfig, appUrl: string, code: string, codeVerifier: string) {
  const tokens = await client(p, appUrl).validateAuthorizationCode(p.tokenUrl, code, codeVerifier);
  const res = await fetch(p.userInfoUrl, { headers: { Authorization: `Bearer ${tokens.accessToken()}` } });
  if (!res.ok) throw new Error(`${p.id} user info answered ${res.status}`);
  const profile = p.toProfile((await res.json()) as Record<string, unknown>);
  if (!profile.providerUserId) throw new Error(`${p.id} user info had no user id`);
  return profile;
}

const AFTER_SIGN_IN = "/dashboard";

/**
 * Where to go after sign-in: `next` only when it is a path on our own origin. It is resolved the
 * way a browser would (which drops tabs and newlines and reads backslashes as slashes, so
 * "/\t/evil.com" is "//evil.com") against APP_URL, and kept only when the origin is still ours
 * and the resolved path cannot itself be read as another host.
 */
export function safeNextPath(next: string | null | undefined, appUrl: string): string {
  if (!next || !next.startsWith("/")) return AFTER_SIGN_IN;
  try {
    const base = new URL(appUrl);
    const url = new URL(next, base);
    if (url.origin !== base.origin || url.pathname.startsWith("//")) return AFTER_SIGN_IN;
    return url.pathname + url.search + url.hash;
  } catch {
    return AFTER_SIGN_IN;
  }
}
