import "server-only";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/server/auth/oauth/flow";
import { enabledProviders } from "@/server/auth/oauth/providers";
import { AuthForm } from "../_components/auth/AuthForm";
import { currentUser } from "./session";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function AuthPage({ mode, searchParams }: { mode: "signIn" | "signUp"; searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  if (await currentUser()) redirect(next);
  const error = typeof params.error === "string" && /^[\w.]{1,60}$/.test(params.error) ? params.error : null;
  return <AuthForm mode={mode} next={next} providers={enabledProviders().map((p) => p.id)} oauthError={error} />;
}
