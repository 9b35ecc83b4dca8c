import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assets } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { isVectorType } from "@/domain/design/placement";
import { preflight, problemCode, unconfirmedProblems, type ConfirmIssue, type ImageSize } from "@/domain/design/preflight";
import { assetsShown } from "@/domain/document/assetSource";
import type { Shape } from "@/domain/document/shape";
import { AppError } from "../../errors";

/** A problem in English, for API callers; the editor words its own from the same list. */
function describe(issue: ConfirmIssue): string {
  const name = `“${issue.shape.name || issue.shape.type}”`;
  switch (issue.kind) {
    case "lowDpi":
      return `${name} prints at ${issue.dpi} DPI on ${issue.area.name}, below the product's ${issue.min} DPI`;
    case "bundled":
      return `${name} is a ${issue.width} × ${issue.height} px preview from the bundled model, far below print resolution, on ${issue.area.name}`;
    case "outside":
      return `${name} lies partly outside ${issue.area.name} and will be cut off`;
  }
}

/**
 * The editor's preflight, run on the design about to be published, with each image's size from
 * the canvas's assets. A problem that prints wrong (see `CONFIRM_KINDS`) refuses the publish unless
 * the owner confirmed it by its code; the refusal names each problem and its code.
 */
export async function requireConfirmedPreflight(db: DbOrTx, canvasId: string, product: Product, shapes: Shape[], confirmed: readonly string[]): Promise<void> {
  const shown = assetsShown(shapes);
  const rows = shown.size
    ? await db
        .select({ id: assets.id, width: assets.width, height: assets.height, contentType: assets.contentType })
        .from(assets)
        .where(and(eq(assets.canvasId, canvasId), eq(assets.status, "ready"), inArray(assets.id, [...new Set(shown.values())])))
    : [];
  const sizes = new Map<string, ImageSize>();
  for (const [src, id] of shown) {
    const row = rows.find((r) => r.id === id);
    if (row?.width && row.height) sizes.set(src, { width: row.width, height: row.height, vector: isVectorType(row.contentType) });
  }
  const problems = unconfirmedProblems(preflight(product, shapes, sizes), confirmed);
  if (!problems.length) return;
  throw new AppError(
    "BAD_REQUEST",
    "listing.preflightUnconfirmed",
    `The design would print badly and the owner has not confirmed it: ${problems.map(describe).join("; ")}. To publish anyway, send confirmPreflight: [${problems.map((p) => JSON.stringify(problemCode(p))).join(", ")}].`,
  );
}
