import type { Metadata } from "next";
import { authPageProps, type SearchParams } from "@/server/auth/authPage";
import { AuthForm } from "../_components/auth/AuthForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignIn(props: { searchParams: SearchParams }) {
  return <AuthForm mode="signIn" {...await authPageProps(props.searchParams)} />;
}
