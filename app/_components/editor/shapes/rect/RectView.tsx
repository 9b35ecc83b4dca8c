import { Rect } from "react-konva";
import { shapeAttrs } from "@/domain/design/shapeAttrs";
import type { ShapeViewProps } from "../shapeView";

export function RectView({ shape, common }: ShapeViewProps) {
  return <Rect {...shapeAttrs(shape).attrs} {...common} />;
}
