import { z } from "zod";

/** Where a render (print file, mockup, listing snapshot) stands; the one spelling of it. */
export const RENDER_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type RenderStatus = (typeof RENDER_STATUSES)[number];
export const renderStatusSchema = z.enum(RENDER_STATUSES);

/** The statuses of a render still being made: the worker may (again) claim it. */
export const OPEN_RENDER_STATUSES = ["queued", "running"] as const satisfies readonly RenderStatus[];

export const isRenderOpen = (s: RenderStatus): boolean => (OPEN_RENDER_STATUSES as readonly RenderStatus[]).includes(s);
