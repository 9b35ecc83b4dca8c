import type { Metadata } from "next";
import { AdminShell } from "../../_components/shop/admin/AdminShell";
import { AdminShipping } from "../../_components/shop/admin/AdminShipping";
import { NotAllowed } from "../../_components/shop/admin/NotAllowed";
import { adminPageUser } from "../adminAccess";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shipping · Shop admin" };

export default async function AdminShippingPage() {
  const { user, isAdmin } = await adminPageUser("/admin/shipping");
  return <AdminShell user={user} section={isAdmin ? "shipping" : null}>{isAdmin ? <AdminShipping /> : <NotAllowed />}</AdminShell>;
}
