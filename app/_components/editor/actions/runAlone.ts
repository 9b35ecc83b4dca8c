import type { Action } from "./action";
import type { EditorApi } from "./editorApi";

type Checkpointed = EditorApi & { checkpoint(): void };

/**
 * Runs a command picked from a bar or a menu as an undo step of its own: taps come faster than the
 * undo manager's merge window, and undo after "duplicate, delete" must bring back the copy, not
 * also remove the shape drawn a moment before.
 */
export function runAlone(store: Checkpointed, action: Action): void {
  store.checkpoint();
  action.run(store);
  store.checkpoint();
}
