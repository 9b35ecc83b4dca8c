import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { listings, listingVersions, orderLines, snapshotRenders } from "@/db/schema";
import { printPixels, type Product } from "@/domain/catalog/catalog";
import { variantArea } from "@/domain/catalog/variantArea";
import { RENDER_MAX_ATTEMPTS } from "../../jobs/definitions";
import { enqueue } from "../../jobs/enqueue";
import { listProducts } from "../catalog/catalogService";
import { MOCKUP_SIZE } from "../mockup/mockupService";

/**
 * Queues what a new version shows and prints: a mockup of every area with content in every
 * colour on sale, and a print file of every such area. One job per render, so they run in parallel
 * across workers and a failure retries only itself.
 */
export async function queueVersionRenders(tx: DbOrTx, input: { versionId: string; product: Product; areaIds: string[]; variantIds: string[] }): Promise<void> {
  const areas = input.product.printAreas.filter((a) => input.areaIds.includes(a.id));
  const colors = new Map<string, string>();
  for (const id of input.variantIds) {
    const v = input.product.variants.find((x) => x.id === id);
    if (v && !colors.has(v.color)) colors.set(v.color, v.id);
  }
  const rows = [
    ...[...colors.values()].flatMap((variantId) => areas.map((a) => ({ versionId: input.versionId, kind: "mockup" as const, variantId, printAreaId: a.id, widthPx: MOCKUP_SIZE, heightPx: MOCKUP_SIZE, dpi: null }))),
    ...areas.map((a) => ({ versionId: input.versionId, kind: "print" as const, variantId: null, printAreaId: a.id, ...dims(a), dpi: a.dpi })),
  ];
  if (!rows.length) return;
  const inserted = await tx.insert(snapshotRenders).values(rows).returning({ id: snapshotRenders.id });
  for (const r of inserted) await enqueue(tx, "renderSnapshot", { renderId: r.id }, { maxAttempts: RENDER_MAX_ATTEMPTS });
}

const dims = (a: Product["printAreas"][number]) => {
  const { width, height } = printPixels(a);
  return { widthPx: width, heightPx: height };
};

/**
 * Queues the print files of every line of a paid order, rendered from the version each line
 * bought: one per print area that version printed, at the size of the variant bought (an A3
 * poster on A3, each phone model on its own template). Run in the transaction that records `paid`.
 */
export async function queueOrderPrints(tx: DbOrTx, orderId: string): Promise<number> {
  const lines = await tx
    .select({ id: orderLines.id, versionId: orderLines.versionId, variantId: orderLines.variantId, productId: listings.productId })
    .from(orderLines)
    .innerJoin(listings, eq(listings.id, orderLines.listingId))
    .where(eq(orderLines.orderId, orderId));
  if (!lines.length) return 0;
  const versionPrints = await tx
    .select({ versionId: snapshotRenders.versionId, printAreaId: snapshotRenders.printAreaId })
    .from(snapshotRenders)
    .innerJoin(listingVersions, eq(listingVersions.id, snapshotRenders.versionId))
    .where(and(inArray(snapshotRenders.versionId, [...new Set(lines.map((l) => l.versionId))]), eq(snapshotRenders.kind, "print"), isNull(snapshotRenders.orderLineId)));
  const products = await listProducts(tx);
  const rows = lines.flatMap((line) => {
    const product = products.find((p) => p.id === line.productId);
    return versionPrints
      .filter((p) => p.versionId === line.versionId)
      .flatMap((p) => {
        const area = product?.printAreas.find((a) => a.id === p.printAreaId);
        if (!product || !area) return [];
        const own = variantArea(product, area, line.variantId);
        return [{ versionId: line.versionId, orderLineId: line.id, kind: "print" as const, printAreaId: p.printAreaId, ...dims(own), dpi: own.dpi }];
      });
  });
  if (!rows.length) return 0;
  const inserted = await tx.insert(snapshotRenders).values(rows).returning({ id: snapshotRenders.id });
  // Ahead of mockups and generations: a paid order waits on these.
  for (const r of inserted) await enqueue(tx, "renderSnapshot", { renderId: r.id }, { maxAttempts: RENDER_MAX_ATTEMPTS, priority: -10 });
  return inserted.length;
}
