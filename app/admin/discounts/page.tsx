import type { Metadata } from "next";
import { AdminDiscounts } from "../../_components/shop/admin/AdminDiscounts";
import { AdminShell } from "../../_components/shop/admin/AdminShell";
import { NotAllowed } from "../../_components/shop/admin/NotAllowed";
import { adminPageUser } from "../adminAccess";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Discount codes · Shop admin" };

export default async function AdminDiscountsPage() {
  const { user, isAdmin } = await adminPageUser("/admin/discounts");
  return <AdminShell user={user} section={isAdmin ? "discounts" : null}>{isAdmin ? <AdminDiscounts /> : <NotAllowed />}</AdminShell>;
}
