import { Arrow, Line } from "react-konva";
import { shapeAttrs } from "@/domain/design/shapeAttrs";
import type { ShapeViewProps } from "../shapeView";

/** Thin strokes stay easy to grab: the hit area is at least 12 px wide. */
const hitWidth = (strokeWidth: number) => Math.max(12, strokeWidth);

type PathAttrs = { points: number[]; pointerLength: number; pointerWidth: number };

export function LineView({ shape, common }: ShapeViewProps) {
  return <Line {...(shapeAttrs(shape).attrs as PathAttrs)} {...common} hitStrokeWidth={hitWidth(shape.strokeWidth)} />;
}

export const DrawView = LineView;

export function ArrowView({ shape, common }: ShapeViewProps) {
  return <Arrow {...(shapeAttrs(shape).attrs as PathAttrs)} {...common} hitStrokeWidth={hitWidth(shape.strokeWidth)} />;
}
