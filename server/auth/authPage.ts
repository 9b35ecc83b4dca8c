import "server-only";
import { redirect } from "next/navigation";
import { env } from "../env";
import { safeNextPath } from "./oauth/flow";
import { enabledProviderIds, type ProviderId } from "./oauth/providers";
import { currentUser } from "./pageSession";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
export type AuthPageProps = { next: string; providers: ProviderId[]; oauthError: string | null };

/**
 * What the sign-in and sign-up pages show: where to go afterwards (only a path on this site), the
 * OAuth buttons, and an OAuth error key from the callback. Someone already signed in goes on at once.
 */
export async function authPageProps(searchParams: SearchParams): Promise<AuthPageProps> {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null, env().APP_URL);
  if (await currentUser()) redirect(next);
  const oauthError = typeof params.error === "string" && /^[\w.]{1,60}$/.test(params.error) ? params.error : null;
  return { next, providers: enabledProviderIds(), oauthError };
}
