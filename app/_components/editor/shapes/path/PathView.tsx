import { Arrow, Line } from "react-konva";
import type { ShapeViewProps } from "../shapeView";

/** Thin strokes stay easy to grab: the hit area is at least 12 px wide. */
const hitWidth = (strokeWidth: number) => Math.max(12, strokeWidth);

export function LineView({ shape: s, common }: ShapeViewProps) {
  return <Line {...common} points={s.points ?? []} stroke={s.stroke} strokeWidth={s.strokeWidth} lineCap="round" lineJoin="round" hitStrokeWidth={hitWidth(s.strokeWidth)} />;
}

export function DrawView({ shape: s, common }: ShapeViewProps) {
  return <Line {...common} points={s.points ?? []} stroke={s.stroke} strokeWidth={s.strokeWidth} lineCap="round" lineJoin="round" tension={0.4} hitStrokeWidth={hitWidth(s.strokeWidth)} />;
}

export function ArrowView({ shape: s, common }: ShapeViewProps) {
  return <Arrow {...common} points={s.points ?? []} stroke={s.stroke} fill={s.stroke} strokeWidth={s.strokeWidth} pointerLength={s.strokeWidth * 3} pointerWidth={s.strokeWidth * 3} lineCap="round" hitStrokeWidth={hitWidth(s.strokeWidth)} />;
}
