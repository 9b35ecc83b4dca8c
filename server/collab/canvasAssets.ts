import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assets } from "@/db/schema";

/**
 * Which asset ids belong to one canvas, as the document's image sources must. Ids seen once are
 * remembered (an asset never moves to another canvas), so only a newly placed image costs a query.
 */
export class CanvasAssets {
  private readonly known = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly canvasId: string,
  ) {}

  allKnown(ids: string[]): boolean {
    return ids.every((id) => this.known.has(id));
  }

  async allBelong(ids: string[]): Promise<boolean> {
    const unknown = [...new Set(ids.filter((id) => !this.known.has(id)))];
    if (!unknown.length) return true;
    const rows = await this.db
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.canvasId, this.canvasId), inArray(assets.id, unknown)));
    for (const r of rows) this.known.add(r.id);
    return rows.length === unknown.length;
  }
}
