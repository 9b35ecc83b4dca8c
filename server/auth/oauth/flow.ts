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

/** Only same-site paths may follow sign-in, never another origin. */
export function safeNextPath(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/dashboard";
}
