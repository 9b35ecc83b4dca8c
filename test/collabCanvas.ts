import type { Db } from "@/db/client";
import { requireCanvasRole } from "@/server/services/canvas/access";
import { createCanvas } from "@/server/services/canvas/canvasService";
import { acceptInvite, createInvite } from "@/server/services/canvas/inviteService";
import { COLLAB_ORIGIN, sessionCookie } from "./collabClients";
import { makeUser } from "./fixtures";

/** A canvas with a signed-in owner and one signed-in member per role given, each with a session cookie. */
export async function canvasWith(db: Db, ...roles: ("editor" | "viewer")[]) {
  const owner = await makeUser(db, "Owner");
  const { id } = await createCanvas(db, { userId: owner.id }, { name: "Live" });
  const ownerAccess = await requireCanvasRole(db, owner.id, id, "owner");
  const members = [];
  for (const role of roles) {
    const u = await makeUser(db, role);
    const inv = await createInvite(db, ownerAccess, { role, appUrl: COLLAB_ORIGIN });
    await acceptInvite(db, { userId: u.id }, { token: inv.token });
    members.push({ user: u, cookie: await sessionCookie(db, u.id) });
  }
  return { id, owner, ownerCookie: await sessionCookie(db, owner.id), ownerAccess, members };
}
