import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminOrderDetail } from "../../../_components/shop/admin/AdminOrderDetail";
import { AdminShell } from "../../../_components/shop/admin/AdminShell";
import { NotAllowed } from "../../../_components/shop/admin/NotAllowed";
import { adminPageUser } from "../../adminAccess";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Order · Shop admin" };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const { user, isAdmin } = await adminPageUser(`/admin/orders/${id}`);
  return <AdminShell user={user} section={null}>{isAdmin ? <AdminOrderDetail id={id} /> : <NotAllowed />}</AdminShell>;
}
