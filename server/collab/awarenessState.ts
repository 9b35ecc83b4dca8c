import { z } from "zod";
import { MAX_SHARED_SELECTION } from "@/domain/canvas/awarenessLimits";

/**
 * What our editor puts in its awareness state (`app/_components/editor/collab/useCollaboration.ts`:
 * a cursor in canvas coordinates, the ids of the selected objects and how far a drag has moved
 * them so far, before it is written on release). Anything else is refused,
 * since every peer renders these fields. `user` is accepted and replaced: the server stamps who
 * the socket belongs to.
 */
const coordinate = z.number().finite().min(-1e7).max(1e7);
export const clientAwarenessState = z
  .object({
    cursor: z.object({ x: coordinate, y: coordinate }).strict().nullable().optional(),
    selection: z.array(z.string().max(64)).max(MAX_SHARED_SELECTION).optional(),
    moving: z.object({ dx: coordinate, dy: coordinate }).strict().nullable().optional(),
    user: z.unknown().optional(),
  })
  .strict();

export type ClientAwarenessState = Omit<z.infer<typeof clientAwarenessState>, "user">;

/** The state without its claimed `user`, or null when it is not something our client sends. */
export function parseAwarenessState(state: unknown): ClientAwarenessState | null {
  const parsed = clientAwarenessState.safeParse(state);
  if (!parsed.success) return null;
  const { user: _claimed, ...rest } = parsed.data;
  return rest;
}
