import type { Metadata } from "next";
import { AdminOutbox } from "../../_components/shop/admin/AdminOutbox";
import { AdminShell } from "../../_components/shop/admin/AdminShell";
import { NotAllowed } from "../../_components/shop/admin/NotAllowed";
import { adminPageUser } from "../adminAccess";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outbox · Shop admin" };

export default async function AdminOutboxPage() {
  const { user, isAdmin } = await adminPageUser("/admin/outbox");
  return <AdminShell user={user} section={isAdmin ? "outbox" : null}>{isAdmin ? <AdminOutbox /> : <NotAllowed />}</AdminShell>;
}
