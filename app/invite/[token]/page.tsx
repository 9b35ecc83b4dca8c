import { requireUser } from "@/server/auth/pageSession";
import { AcceptInvite } from "../../_components/AcceptInvite";

export const dynamic = "force-dynamic";

/** A signed-out visitor signs in or up first and comes back here; then the invite is accepted. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await requireUser(`/invite/${encodeURIComponent(token)}`);
  return <AcceptInvite token={token} />;
}
