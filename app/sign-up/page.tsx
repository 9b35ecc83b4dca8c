import type { Metadata } from "next";
import { AuthPage } from "../_lib/authPage";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create account" };

export default function SignUp(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AuthPage mode="signUp" searchParams={props.searchParams} />;
}
