import { matches, type Action } from "./action";
import { editActions } from "./editActions";
import { toolActions, viewActions } from "./viewActions";

/** Every command once: keyboard handling, menus and the help overlay all read this list. */
export const ACTIONS: Action[] = [...toolActions, ...editActions, ...viewActions];

export function actionFor(e: KeyboardEvent, readOnly: boolean): Action | undefined {
  return ACTIONS.find((a) => (!readOnly || !a.edits) && matches(a, e));
}

export type { Action };
export type { EditorApi } from "./editorApi";
