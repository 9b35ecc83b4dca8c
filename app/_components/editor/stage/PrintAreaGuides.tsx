import { Group, Rect, Text } from "react-konva";
import type { PrintArea } from "@/domain/catalog/catalog";
import { guidesOf } from "@/domain/design/artboard";
import { useI18n } from "../../../_i18n/I18nProvider";
import { UI_FONT_FAMILY } from "../../ui/theme";
import { useFontsFor } from "./useFontsFor";

type Props = { area: PrintArea; scale: number };

/**
 * The print area's guides, on top of the design and never exported: the trim line (where the
 * bleed is cut off) and the safe zone (where nothing important should cross), each labelled.
 */
export function PrintAreaGuides({ area, scale }: Props) {
  const { t } = useI18n();
  const { trim, safe } = guidesOf(area);
  const labels = { trim: t("editor.guides.trim", { bleed: area.bleedMm }), safe: t("editor.guides.safe") };
  const fonts = useFontsFor(UI_FONT_FAMILY, labels.trim + labels.safe);
  const line = 1 / scale;
  const dash = [6 / scale, 4 / scale];
  const label = (text: string, x: number, y: number, fill: string) => <Text key={`${text}-${fonts}`} text={text} x={x} y={y} fontSize={11 / scale} fontFamily={UI_FONT_FAMILY} fill={fill} listening={false} />;
  return (
    <Group listening={false} name="print-guides">
      {area.bleedMm > 0 && (
        <>
          <Rect {...trim} stroke="#e03131" strokeWidth={line} dash={dash} />
          {label(labels.trim, trim.x + 4 / scale, trim.y - 15 / scale, "#e03131")}
        </>
      )}
      <Rect {...safe} stroke="#1c7ed6" strokeWidth={line} dash={dash} />
      {label(labels.safe, safe.x + 4 / scale, safe.y + 4 / scale, "#1c7ed6")}
    </Group>
  );
}
