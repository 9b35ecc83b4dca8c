import type { Metadata } from "next";
import { authPageProps, type SearchParams } from "@/server/auth/authPage";
import { AuthForm } from "../_components/auth/AuthForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create account" };

export default async function SignUp(props: { searchParams: SearchParams }) {
  return <AuthForm mode="signUp" {...await authPageProps(props.searchParams)} />;
}
