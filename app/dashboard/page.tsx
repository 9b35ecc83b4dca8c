import type { Metadata } from "next";
import { requireUser } from "@/server/auth/pageSession";
import { Dashboard } from "../_components/dashboard/Dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your canvases" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  return <Dashboard user={{ name: user.name, email: user.email, emailVerified: user.emailVerified }} />;
}
