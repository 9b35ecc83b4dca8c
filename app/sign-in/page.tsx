import type { Metadata } from "next";
import { AuthPage } from "../_lib/authPage";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default function SignIn(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AuthPage mode="signIn" searchParams={props.searchParams} />;
}
