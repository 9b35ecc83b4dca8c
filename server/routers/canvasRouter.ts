import { z } from "zod";
import { productBindingSchema } from "@/domain/catalog/catalog";
import { createCanvas, deleteCanvas, describeCanvas, listCanvases, renameCanvas, setCanvasProduct } from "../services/canvas/canvasService";
import { listMembers, removeMember, setRole } from "../services/canvas/memberService";
import { authedProcedure, canvasProcedure, resourceProcedure, router } from "../trpc/init";
import { canvasName, ok, role } from "./schemas";

const canvasOut = z.object({ id: z.string(), name: z.string(), role, product: productBindingSchema.nullable(), createdAt: z.date(), updatedAt: z.date() });
const canvasSummary = canvasOut.omit({ product: true }).extend({ memberCount: z.number(), coverUrl: z.string().nullable(), onSale: z.boolean() });
const catalogId = z.string().min(1).max(64);
const member = z.object({ userId: z.string(), email: z.string().nullable(), name: z.string(), role, joinedAt: z.date() });

export const canvasRouter = router({
  create: authedProcedure
    .input(z.object({ name: canvasName }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createCanvas(ctx.db, ctx.actor, input)),

  list: authedProcedure.output(z.array(canvasSummary)).query(({ ctx }) => listCanvases(ctx.db, ctx.actor)),

  get: canvasProcedure("viewer", "id").output(canvasOut).query(({ ctx }) => describeCanvas(ctx.access)),

  rename: canvasProcedure("editor", "id")
    .input(z.object({ name: canvasName }))
    .output(canvasOut)
    .mutation(({ ctx, input }) => renameCanvas(ctx.db, ctx.access, input)),

  /** Binds the canvas to a product and colour (its design becomes one artboard per print area). */
  setProduct: canvasProcedure("editor", "id")
    .input(z.object({ productId: catalogId, variantId: catalogId }))
    .output(canvasOut)
    .mutation(({ ctx, input }) => setCanvasProduct(ctx.db, ctx.access, { productId: input.productId, variantId: input.variantId })),

  /** Makes the canvas a free artboard again; its shapes stay. */
  clearProduct: canvasProcedure("editor", "id")
    .output(canvasOut)
    .mutation(({ ctx }) => setCanvasProduct(ctx.db, ctx.access, null)),

  delete: canvasProcedure("owner", "id")
    .output(ok)
    .mutation(({ ctx }) => deleteCanvas(ctx.db, ctx.access)),

  members: canvasProcedure("viewer").output(z.array(member)).query(({ ctx }) => listMembers(ctx.db, ctx.access)),

  setRole: resourceProcedure("member", "owner")
    .input(z.object({ role }))
    .output(z.object({ userId: z.string(), role }))
    .mutation(({ ctx, input }) => setRole(ctx.db, ctx.access, input)),

  removeMember: resourceProcedure("member", "owner")
    .output(ok)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.access, input)),
});
