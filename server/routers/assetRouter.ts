import { z } from "zod";
import { completeUpload, createUpload, findAssetCanvas, listAssets, MAX_UPLOAD_BYTES } from "../services/asset/assetService";
import { requireCanvasRole } from "../services/canvas/access";
import { IMAGE_CONTENT_TYPES } from "../storage/imageValidation";
import { getStorage } from "../storage/storage";
import { authedProcedure, canvasProcedure, router } from "../trpc/init";
import { uuid } from "./schemas";

const assetOut = z.object({
  id: z.string(),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number(),
  height: z.number(),
  contentType: z.string(),
  fileName: z.string(),
  createdAt: z.date(),
});

export const assetRouter = router({
  createUpload: canvasProcedure("editor")
    .input(
      z.object({
        contentType: z.enum(IMAGE_CONTENT_TYPES, "must be a PNG, JPEG or WebP image"),
        size: z
          .number()
          .int("must be a whole number of bytes")
          .min(1, "must not be empty")
          .max(MAX_UPLOAD_BYTES, `must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`),
        fileName: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
      }),
    )
    .output(
      z.object({
        assetId: z.string(),
        uploadUrl: z.string(),
        method: z.literal("PUT"),
        headers: z.record(z.string(), z.string()),
        expiresAt: z.date(),
      }),
    )
    .mutation(({ ctx, input }) => createUpload(ctx.db, getStorage(), { userId: ctx.user.id }, ctx.access, input)),

  completeUpload: authedProcedure
    .input(z.object({ assetId: uuid }))
    .output(assetOut)
    .mutation(async ({ ctx, input }) => {
      const canvasId = await findAssetCanvas(ctx.db, input.assetId);
      const access = await requireCanvasRole(ctx.db, ctx.user.id, canvasId, "editor");
      return completeUpload(ctx.db, getStorage(), access, input);
    }),

  list: canvasProcedure("viewer")
    .output(z.array(assetOut))
    .query(({ ctx }) => listAssets(ctx.db, ctx.access)),
});
