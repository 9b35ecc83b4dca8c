import { currentUser } from "@/server/auth/pageSession";
import { AcceptInvite } from "../../_components/AcceptInvite";

export const dynamic = "force-dynamic";

/** Signed in or out, the invite shows what it offers; signed out, joining comes with signing up or in. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  return <AcceptInvite token={token} signedIn={user !== null} />;
}
