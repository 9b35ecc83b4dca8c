import { boxUtil, type ShapeUtil } from "../shapeUtil";

/** An image: (x, y) is its top-left corner; `crop` is in the source's pixels. */
export const imageUtil: ShapeUtil = boxUtil;
