import type { inferRouterOutputs } from "@trpc/server";
import { isRenderOpen } from "@/domain/render/renderStatus";
import type { AppRouter } from "@/server/trpc/appRouter";

/** The canvas's listing as the owner's panel gets it: the current version and its renders. */
export type CanvasListing = NonNullable<inferRouterOutputs<AppRouter>["listing"]["ofCanvas"]>;

export type { RenderStatus } from "@/domain/render/renderStatus";

export const isPending = isRenderOpen;

/** Whether any of the version's mockups or print files is still being made. */
export const rendering = (l: CanvasListing | null | undefined) => !!l && (l.mockups.some((m) => isPending(m.status)) || l.printFiles.some((p) => isPending(p.status)));
