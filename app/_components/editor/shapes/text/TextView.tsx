import { Text } from "react-konva";
import { shapeAttrs } from "@/domain/design/shapeAttrs";
import type { ShapeViewProps } from "../shapeView";

/** Hidden (not removed) while its text is edited in the overlay, so the layout does not jump. */
export function TextView({ shape, common, editingText }: ShapeViewProps) {
  return <Text {...(shapeAttrs(shape).attrs as { text: string })} {...common} opacity={editingText ? 0 : shape.opacity} />;
}
