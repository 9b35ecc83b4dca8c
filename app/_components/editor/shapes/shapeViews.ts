import type { ComponentType } from "react";
import type { ShapeType } from "../store/shapeTypes";
import { EllipseView } from "./ellipse/EllipseView";
import { ImageView } from "./image/ImageView";
import { ArrowView, DrawView, LineView } from "./path/PathView";
import { RectView } from "./rect/RectView";
import type { ShapeViewProps } from "./shapeView";
import { TextView } from "./text/TextView";

/** Each shape type's Konva view, by type. */
export const SHAPE_VIEWS: Record<ShapeType, ComponentType<ShapeViewProps>> = {
  rect: RectView,
  ellipse: EllipseView,
  text: TextView,
  line: LineView,
  arrow: ArrowView,
  draw: DrawView,
  image: ImageView,
};
