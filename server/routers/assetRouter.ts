import { z } from "zod";
import { assetProvenanceSchema } from "@/domain/provenance";
import { completeUpload, createUpload, getAssetProvenance, listAssets, MAX_UPLOAD_BYTES } from "../services/asset/assetService";
import { IMAGE_CONTENT_TYPES } from "../storage/imageValidation";
import { getStorage } from "../storage/storage";
import { limits } from "../auth/limits";
import { canvasProcedure, resourceProcedure, router, throttle } from "../trpc/init";
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
        contentType: z.enum(IMAGE_CONTENT_TYPES, "must be a PNG, JPEG, WebP or SVG image"),
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
    .mutation(({ ctx, input }) => createUpload(ctx.db, getStorage(), ctx.access, input)),

  completeUpload: resourceProcedure("asset", "editor")
    .use(throttle((ctx) => [limits.uploadCompletionsPerUser(ctx.session!.user.id)], { failuresOnly: false }))
    .output(assetOut)
    .mutation(({ ctx, input }) => completeUpload(ctx.db, getStorage(), ctx.access, input)),

  list: canvasProcedure("viewer")
    .output(z.array(assetOut))
    .query(({ ctx }) => listAssets(ctx.db, ctx.access)),

  /** How an image on this canvas was made, as the worker recorded it; null for an upload. */
  provenance: canvasProcedure("viewer")
    .input(z.object({ assetId: uuid }))
    .output(assetProvenanceSchema.nullable())
    .query(({ ctx, input }) => getAssetProvenance(ctx.db, ctx.access, input)),
});
