import { Ellipse } from "react-konva";
import { shapeAttrs } from "@/domain/design/shapeAttrs";
import type { ShapeViewProps } from "../shapeView";

export function EllipseView({ shape, common }: ShapeViewProps) {
  return <Ellipse {...(shapeAttrs(shape).attrs as { radiusX: number; radiusY: number })} {...common} />;
}
