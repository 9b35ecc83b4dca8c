import type { ShapeType } from "../store/shapeTypes";
import { ellipseUtil } from "./ellipse/ellipse";
import { imageUtil } from "./image/image";
import { pathUtil } from "./path/path";
import { rectUtil } from "./rect/rect";
import type { ShapeUtil } from "./shapeUtil";
import { textUtil } from "./text/text";

/** Each shape type's geometry, by type; drawing lives beside each in its view. */
export const SHAPE_UTILS: Record<ShapeType, ShapeUtil> = {
  rect: rectUtil,
  ellipse: ellipseUtil,
  text: textUtil,
  line: pathUtil,
  arrow: pathUtil,
  draw: pathUtil,
  image: imageUtil,
};
