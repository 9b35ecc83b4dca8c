import { boxUtil, type ShapeUtil } from "../shapeUtil";

/** A text box: (x, y) is its top-left corner; its height follows its lines. */
export const textUtil: ShapeUtil = boxUtil;
