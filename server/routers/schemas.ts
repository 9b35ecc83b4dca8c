import { z } from "zod";
import { ROLES } from "@/domain/canvas/roles";

export const email = z.string().trim().max(254, "must be at most 254 characters").email("must be a valid e-mail address");
export const password = z.string().min(8, "must be at least 8 characters").max(256, "must be at most 256 characters");
export const personName = z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters");
export const canvasName = z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters");
export const uuid = z.string().uuid("must be an id");
export const role = z.enum(ROLES);
export const userId = z.string().min(1).max(64);

/** What a mutation with nothing else to say answers. */
export const ok = z.object({ ok: z.literal(true) });
