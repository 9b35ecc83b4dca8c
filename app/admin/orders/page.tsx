import type { Metadata } from "next";
import { AdminOrders } from "../../_components/shop/admin/AdminOrders";
import { AdminShell } from "../../_components/shop/admin/AdminShell";
import { NotAllowed } from "../../_components/shop/admin/NotAllowed";
import { adminPageUser } from "../adminAccess";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Orders · Shop admin" };

export default async function AdminOrdersPage() {
  const { user, isAdmin } = await adminPageUser("/admin/orders");
  return <AdminShell user={user} section={isAdmin ? "orders" : null}>{isAdmin ? <AdminOrders /> : <NotAllowed />}</AdminShell>;
}
