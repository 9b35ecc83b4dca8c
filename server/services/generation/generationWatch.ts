import type { Db } from "@/db/client";
import type { GenerationView } from "@/domain/generationView";
import { AppError } from "../../errors";
import { requireCanvasRole, type CanvasAccess } from "../canvas/access";
import { generationHub } from "./generationHub";
import { canvasGenerations } from "./generationView";

/**
 * The canvas's queue as a stream of whole lists: the current one first, then a new one whenever
 * something changes (folded, so a slow reader only ever gets the latest). Ends when the signal
 * aborts, the watcher stops being a member, or the session it was opened with signs out. `db` is the pool, not a transaction: the hub
 * LISTENs on a connection of its own to the same database.
 */
export async function* watchGenerations(db: Db, access: CanvasAccess, input: { signal?: AbortSignal; sessionId?: string } = {}): AsyncGenerator<GenerationView[]> {
  const { userId } = access;
  const canvasId = access.canvas.id;
  const { signal } = input;
  let latest: GenerationView[] | null = null;
  let recheck = false;
  let signedOut = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  const unwatch = await generationHub(db).watch({
    canvasId,
    userId,
    sessionId: input.sessionId,
    onSessionEnded: () => {
      signedOut = true;
      poke();
    },
    onList: (list) => {
      latest = list;
      poke();
    },
    onAccessChanged: () => {
      recheck = true;
      poke();
    },
  });
  const onAbort = () => poke();
  signal?.addEventListener("abort", onAbort);
  try {
    yield await canvasGenerations(db, canvasId);
    while (!signal?.aborted) {
      if (!latest && !recheck && !signedOut) await new Promise<void>((resolve) => (wake = resolve));
      if (signedOut) return;
      if (recheck) {
        recheck = false;
        const allowed = await requireCanvasRole(db, userId, canvasId, "viewer").then(
          () => true,
          (e: unknown) => {
            if (e instanceof AppError) return false;
            throw e;
          },
        );
        if (!allowed) return;
      }
      if (latest) {
        const list: GenerationView[] = latest;
        latest = null;
        yield list;
      }
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    unwatch();
  }
}
