import { Text } from "react-konva";
import { fontStack } from "../../fonts";
import type { ShapeViewProps } from "../shapeView";

/** Hidden (not removed) while its text is edited in the overlay, so the layout does not jump. */
export function TextView({ shape: s, common, editingText }: ShapeViewProps) {
  return (
    <Text
      {...common}
      text={s.text ?? ""}
      width={s.width}
      fontSize={s.fontSize}
      fontFamily={fontStack(s.fontFamily)}
      fontStyle={s.fontStyle}
      align={s.align}
      fill={s.fill}
      stroke={s.strokeWidth > 0 ? s.stroke : undefined}
      strokeWidth={s.strokeWidth}
      opacity={editingText ? 0 : s.opacity}
      lineHeight={1.2}
    />
  );
}
