import type { IncomingMessage } from "node:http";
import type { Db } from "@/db/client";
import { validateSession } from "../auth/sessions";
import { AppError } from "../errors";
import { requireCanvasRole } from "../services/canvas/access";
import type { Role } from "@/domain/canvas/roles";

export type SocketIdentity = { userId: string; sessionId: string; name: string; canvasId: string; role: Role };
export type UpgradeDecision = { ok: true; identity: SocketIdentity } | { ok: false; status: 400 | 401 | 403 | 404; message: string };

const PATH = /^\/collab\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?(?:\?.*)?$/i;

export function collabCanvasId(url: string | undefined): string | null {
  return url?.match(PATH)?.[1]?.toLowerCase() ?? null;
}

/** Decided before the upgrade: a socket opens only for a member of the canvas from our origin. */
export async function authorizeUpgrade(db: Db, req: IncomingMessage, appUrl: string): Promise<UpgradeDecision> {
  const canvasId = collabCanvasId(req.url);
  if (!canvasId) return { ok: false, status: 404, message: "Unknown collaboration room" };
  if (req.headers.origin !== new URL(appUrl).origin) return { ok: false, status: 403, message: "Cross-origin sockets are not allowed" };
  const session = await validateSession(db, req.headers.cookie);
  if (!session) return { ok: false, status: 401, message: "Sign in to collaborate" };
  try {
    const { role } = await requireCanvasRole(db, session.user.id, canvasId, "viewer");
    return { ok: true, identity: { userId: session.user.id, sessionId: session.sessionId, name: session.user.name, canvasId, role } };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, status: e.code === "NOT_FOUND" ? 404 : 403, message: e.message };
    throw e;
  }
}
