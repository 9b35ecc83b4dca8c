import type { Metadata } from "next";
import type { SearchParams } from "@/server/auth/authPage";
import { VerifyEmail } from "../_components/auth/VerifyEmail";

export const dynamic = "force-dynamic";
// The token is in this page's address: no Referer carries it anywhere.
export const metadata: Metadata = { title: "Confirm your e-mail", referrer: "no-referrer" };

export default async function VerifyEmailPage(props: { searchParams: SearchParams }) {
  const { token } = await props.searchParams;
  return <VerifyEmail token={typeof token === "string" ? token : null} />;
}
