import { Ellipse } from "react-konva";
import type { ShapeViewProps } from "../shapeView";

export function EllipseView({ shape: s, common }: ShapeViewProps) {
  return <Ellipse {...common} radiusX={s.width / 2} radiusY={s.height / 2} fill={s.fill} stroke={s.strokeWidth > 0 ? s.stroke : undefined} strokeWidth={s.strokeWidth} />;
}
