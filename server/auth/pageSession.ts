import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { validateSession, type SessionUser } from "./sessions";

/** The signed-in user of the page being rendered (Next.js server components), or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const header = (await cookies()).toString();
  return (await validateSession(getDb(), header))?.user ?? null;
}

/** For pages behind sign-in: the user, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}
