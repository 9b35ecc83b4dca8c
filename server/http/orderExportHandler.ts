import { z } from "zod";
import type { Db } from "@/db/client";
import { ORDER_STATUSES } from "@/domain/shop/orderStatus";
import { validateSession } from "../auth/sessions";
import { exportOrdersCsv } from "../services/shop/orderExport";
import { isShopAdmin } from "../services/shop/shopAdmin";
import { jsonError } from "./requestGuards";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .transform((d) => new Date(`${d}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "must be a date that exists");
const query = z.object({ status: z.enum(ORDER_STATUSES).optional(), from: day.optional(), to: day.optional() }).strict();

/**
 * GET /api/shop/orders.csv[?status=paid&from=2026-12-01&to=2026-12-08]: the shop's orders for
 * fulfilment, for shop admins only (`to` is the day after the last one exported).
 */
export async function handleOrderExportRequest(db: Db, req: Request): Promise<Response> {
  const session = await validateSession(db, req.headers.get("cookie"));
  if (!session) return jsonError(401, "Sign in to export orders.");
  if (!(await isShopAdmin(db, session.user.id))) return jsonError(403, "Only the shop's admins can export orders.");
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return jsonError(400, parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "));
  const { csv, truncated } = await exportOrdersCsv(db, parsed.data);
  const headers = new Headers({
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="orders-${new Date().toISOString().slice(0, 10)}.csv"`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
  // More than one file holds: the admin narrows the dates and exports again.
  if (truncated) headers.set("x-truncated", "true");
  if (session.refreshCookie) headers.append("set-cookie", session.refreshCookie);
  return new Response(csv, { status: 200, headers });
}
