import { boxUtil, type ShapeUtil } from "../shapeUtil";

/** A rectangle: (x, y) is its top-left corner. */
export const rectUtil: ShapeUtil = boxUtil;
