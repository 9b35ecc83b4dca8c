"use client";

import { ActionIcon, Group, NumberInput, SegmentedControl, Select, Tooltip } from "@mantine/core";
import { IconBold, IconItalic } from "@tabler/icons-react";
import { useI18n } from "../../_i18n/I18nProvider";
import { DEFAULT_FONT, FONTS, fontStack } from "./fonts";
import type { Shape } from "./store/shapeTypes";

type Props = { shape: Shape; readOnly: boolean; set: (patch: Partial<Shape>) => void };

const styleOf = (bold: boolean, italic: boolean): NonNullable<Shape["fontStyle"]> => (bold && italic ? "bold italic" : bold ? "bold" : italic ? "italic" : "normal");

/** Typeface, size, weight, slant and alignment of a text layer. */
export function TextStyleControls({ shape, readOnly, set }: Props) {
  const { t } = useI18n();
  const style = shape.fontStyle ?? "normal";
  const bold = style.includes("bold");
  const italic = style.includes("italic");
  return (
    <>
      <Select
        size="xs"
        label={t("editor.props.font")}
        data={FONTS.map((f) => f.family)}
        value={shape.fontFamily ?? DEFAULT_FONT}
        allowDeselect={false}
        disabled={readOnly}
        onChange={(family) => {
          if (family) set({ fontFamily: family });
          (document.activeElement as HTMLElement | null)?.blur(); // shortcuts work again at once
        }}
        renderOption={({ option }) => <span style={{ fontFamily: fontStack(option.value), fontSize: 15 }}>{option.label}</span>}
        styles={{ input: { fontFamily: fontStack(shape.fontFamily) } }}
      />
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <NumberInput size="xs" style={{ flex: 1 }} label={t("editor.props.fontSize")} min={6} max={800} value={shape.fontSize} disabled={readOnly} onChange={(v) => typeof v === "number" && set({ fontSize: v })} />
        <Tooltip label={t("editor.props.bold")}>
          <ActionIcon size="lg" variant={bold ? "filled" : "default"} aria-label={t("editor.props.bold")} aria-pressed={bold} disabled={readOnly} onClick={() => set({ fontStyle: styleOf(!bold, italic) })}>
            <IconBold size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t("editor.props.italic")}>
          <ActionIcon size="lg" variant={italic ? "filled" : "default"} aria-label={t("editor.props.italic")} aria-pressed={italic} disabled={readOnly} onClick={() => set({ fontStyle: styleOf(bold, !italic) })}>
            <IconItalic size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <SegmentedControl size="xs" disabled={readOnly} value={shape.align ?? "left"} onChange={(v) => set({ align: v as Shape["align"] })} data={[{ value: "left", label: t("editor.props.alignLeft") }, { value: "center", label: t("editor.props.alignCentre") }, { value: "right", label: t("editor.props.alignRight") }]} />
    </>
  );
}
