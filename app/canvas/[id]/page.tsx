import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/server/auth/pageSession";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { requireCanvasRole } from "@/server/services/canvas/access";
import { describeCanvas } from "@/server/services/canvas/canvasService";
import { CanvasShell } from "../../_components/canvas/CanvasShell";

export const dynamic = "force-dynamic";

export default async function CanvasPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/canvas/${id}`);
  if (!z.string().uuid().safeParse(id).success) notFound();
  try {
    const access = await requireCanvasRole(getDb(), user.id, id, "viewer");
    return <CanvasShell initial={describeCanvas(access)} user={user} />;
  } catch (e) {
    if (e instanceof AppError) notFound();
    throw e;
  }
}
