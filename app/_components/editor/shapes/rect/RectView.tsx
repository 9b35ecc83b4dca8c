import { Rect } from "react-konva";
import type { ShapeViewProps } from "../shapeView";

export function RectView({ shape: s, common }: ShapeViewProps) {
  return <Rect {...common} width={s.width} height={s.height} fill={s.fill} stroke={s.strokeWidth > 0 ? s.stroke : undefined} strokeWidth={s.strokeWidth} cornerRadius={2} />;
}
