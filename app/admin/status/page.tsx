import type { Metadata } from "next";
import { StatusView } from "../../_components/ops/StatusView";
import { AdminShell } from "../../_components/shop/admin/AdminShell";
import { NotAllowed } from "../../_components/shop/admin/NotAllowed";
import { adminPageUser } from "../adminAccess";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Status · Shop admin" };

export default async function AdminStatusPage() {
  const { user, isAdmin } = await adminPageUser("/admin/status");
  return <AdminShell user={user} section={isAdmin ? "status" : null}>{isAdmin ? <StatusView /> : <NotAllowed />}</AdminShell>;
}
