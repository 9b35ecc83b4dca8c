import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { PrintOutput } from "@/domain/generationView";
import { assets, generations } from "@/db/schema";
import { AppError } from "../../errors";
import type { CanvasAccess } from "../canvas/access";
import { notifyGeneration } from "./generationEvents";
import { fairRank, queueGenerationJob } from "./generationQueue";
import { holdLimits } from "./generationService";

/** What the print-ready network does: 16× each side, in tiles of 64 input pixels. */
export const PRINT_READY_SCALE = 16;
export const PRINT_READY_TILE = 64;
/** Larger sources already print at a usable size; 16× of this is 4096 px. */
export const PRINT_READY_MAX_SOURCE = 256;
export const PRINT_READY_SCHEDULER = "print-ready";

/** `colors` only shapes a vector; automatic when absent. */
export type PrintReadyRequest = { assetId: string; shapeId: string; output: PrintOutput; colors?: number };

/**
 * Queues "make print-ready" for an image on this canvas, on the canvas's shared queue: a
 * generation row whose job upscales the source and then points the canvas object at the result.
 */
export async function requestPrintReady(db: Db, access: CanvasAccess, req: PrintReadyRequest): Promise<{ id: string }> {
  const source = await db.query.assets.findFirst({ where: and(eq(assets.id, req.assetId), eq(assets.canvasId, access.canvas.id), eq(assets.status, "ready")) });
  if (!source || !source.width || !source.height) throw new AppError("NOT_FOUND", "asset.notFound", "This image does not exist on this canvas.");
  if (source.provenance?.printReady) throw new AppError("BAD_REQUEST", "printReady.already", "This image is already print-ready.");
  if (source.width > PRINT_READY_MAX_SOURCE || source.height > PRINT_READY_MAX_SOURCE) {
    throw new AppError("BAD_REQUEST", "printReady.largeEnough", `This image is ${source.width} × ${source.height} px: large enough to print as it is (print-ready takes images up to ${PRINT_READY_MAX_SOURCE} px a side).`);
  }
  const { width, height } = source;
  const tiles = Math.ceil(width / PRINT_READY_TILE) * Math.ceil(height / PRINT_READY_TILE);
  return db.transaction(async (tx) => {
    await holdLimits(tx, access);
    const [row] = await tx
      .insert(generations)
      .values({
        canvasId: access.canvas.id,
        requestedBy: access.userId,
        prompt: source.provenance?.prompt || source.fileName,
        negativePrompt: "",
        steps: tiles,
        guidance: 0,
        seed: source.provenance?.seed ?? 0,
        width: width * PRINT_READY_SCALE,
        height: height * PRINT_READY_SCALE,
        count: 1,
        scheduler: PRINT_READY_SCHEDULER,
        upscale: true,
        sourceAssetId: source.id,
        targetShapeId: req.shapeId,
        output: req.output,
        colors: req.output === "vector" ? (req.colors ?? null) : null,
        totalSteps: tiles,
        queueRank: await fairRank(tx, access.userId),
      })
      .returning({ id: generations.id, canvasId: generations.canvasId, queueRank: generations.queueRank, queueAt: generations.queueAt });
    await queueGenerationJob(tx, row!);
    await tx.execute(sql`select ${notifyGeneration({ canvasId: access.canvas.id, id: row!.id, kind: "status" })}`);
    return { id: row!.id };
  });
}
