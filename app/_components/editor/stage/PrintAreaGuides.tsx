import { Group, Rect, Text } from "react-konva";
import type { PrintArea } from "@/domain/catalog/catalog";
import { guidesOf } from "@/domain/design/artboard";

type Props = { area: PrintArea; scale: number };

/**
 * The print area's guides, on top of the design and never exported: the trim line (where the
 * bleed is cut off) and the safe zone (where nothing important should cross), each labelled.
 */
export function PrintAreaGuides({ area, scale }: Props) {
  const { trim, safe } = guidesOf(area);
  const line = 1 / scale;
  const dash = [6 / scale, 4 / scale];
  const label = (text: string, x: number, y: number, fill: string) => <Text text={text} x={x} y={y} fontSize={11 / scale} fontFamily="Inter, sans-serif" fill={fill} listening={false} />;
  return (
    <Group listening={false} name="print-guides">
      {area.bleedMm > 0 && (
        <>
          <Rect {...trim} stroke="#e03131" strokeWidth={line} dash={dash} />
          {label(`Trim · ${area.bleedMm} mm bleed`, trim.x + 4 / scale, trim.y - 15 / scale, "#e03131")}
        </>
      )}
      <Rect {...safe} stroke="#1c7ed6" strokeWidth={line} dash={dash} />
      {label("Safe zone", safe.x + 4 / scale, safe.y + 4 / scale, "#1c7ed6")}
    </Group>
  );
}
