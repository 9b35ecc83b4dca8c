import type { Metadata } from "next";
import type { SearchParams } from "@/server/auth/authPage";
import { ResetPasswordForm } from "../_components/auth/ResetPasswordForm";

export const dynamic = "force-dynamic";
// The token is in this page's address: no Referer carries it anywhere.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage(props: { searchParams: SearchParams }) {
  const { token } = await props.searchParams;
  return <ResetPasswordForm token={typeof token === "string" ? token : null} />;
}
