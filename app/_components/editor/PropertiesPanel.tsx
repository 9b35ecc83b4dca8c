"use client";

import { ActionIcon, ColorInput, Group, NumberInput, Slider, Stack, Text, Tooltip } from "@mantine/core";
import { IconArrowBarToDown, IconArrowBarToUp, IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import { memo } from "react";
import type { AssetProvenance } from "@/domain/provenance";
import type { EditorMessageKey } from "@/domain/i18n/messages/editor.en";
import { useI18n } from "../../_i18n/I18nProvider";
import { ImageDetails } from "./images/ImageDetails";
import { TextStyleControls } from "./TextStyleControls";
import { textWidth } from "./shapes/text/textWidth";
import type { ZMove } from "@/domain/document/edits";
import type { DocumentWriter } from "./store/documentWriter";
import type { Shape } from "./store/shapeTypes";

const ARRANGE: [ZMove, EditorMessageKey, typeof IconArrowUp][] = [
  ["front", "editor.action.front", IconArrowBarToUp],
  ["forward", "editor.action.forward", IconArrowUp],
  ["backward", "editor.action.backward", IconArrowDown],
  ["back", "editor.action.back", IconArrowBarToDown],
];

const SWATCHES = ["#212529", "#ffffff", "#7950f2", "#e64980", "#f03e3e", "#fd7e14", "#fab005", "#40c057", "#12b886", "#228be6"];

/** Style of the selection; a change applies to every selected shape in one undoable step. */
type Props = { canvasId: string; writer: DocumentWriter; selected: Shape[]; readOnly: boolean; onReuse?: (p: AssetProvenance) => void };

export const PropertiesPanel = memo(function PropertiesPanel({ canvasId, writer, selected, readOnly, onReuse }: Props) {
  const { t } = useI18n();
  const first = selected[0];
  if (!first) {
    return (
      <Text size="xs" c="dimmed">
        {t("editor.props.empty")}
      </Text>
    );
  }
  const ids = selected.map((s) => s.id);
  const set = (patch: Partial<Shape>) => writer.updateShapes(ids, patch);
  // A new face or size changes how wide an auto-width text box must be.
  const setFont = (patch: Partial<Shape>) => writer.updateShapes(ids, (s) => (s.type === "text" && s.autoWidth ? { ...patch, width: textWidth({ ...s, ...patch }, s.text ?? "") } : patch));
  const isPath = first.type === "line" || first.type === "arrow" || first.type === "draw";
  return (
    <Stack gap="xs">
      {!isPath && first.type !== "image" && <ColorInput size="xs" label={t("editor.props.fill")} value={first.fill} swatches={SWATCHES} disabled={readOnly} onChangeEnd={(fill) => set({ fill })} />}
      <ColorInput size="xs" label={t(isPath ? "editor.props.colour" : "editor.props.stroke")} value={first.stroke} swatches={SWATCHES} disabled={readOnly} onChangeEnd={(stroke) => set({ stroke })} />
      <NumberInput size="xs" label={t("editor.props.strokeWidth")} min={0} max={100} value={first.strokeWidth} disabled={readOnly} onChange={(v) => typeof v === "number" && set({ strokeWidth: v })} />
      {first.type === "text" && <TextStyleControls shape={first} readOnly={readOnly} set={setFont} />}
      {first.type === "image" && selected.length === 1 && <ImageDetails canvasId={canvasId} writer={writer} shape={first} readOnly={readOnly} onReuse={onReuse} />}
      <div>
        <Text size="xs" fw={500} mb={4}>
          {t("editor.props.opacity", { percent: Math.round(first.opacity * 100) })}
        </Text>
        <Slider size="sm" min={0} max={1} step={0.01} value={first.opacity} disabled={readOnly} thumbLabel={t("editor.props.opacityLabel")} onChangeEnd={(opacity) => set({ opacity })} label={(v) => `${Math.round(v * 100)} %`} />
      </div>
      {!readOnly && (
        <Group gap={4} grow>
          {ARRANGE.map(([move, label, Icon]) => (
            <Tooltip key={move} label={t(label)}>
              <ActionIcon variant="default" aria-label={t(label)} onClick={() => writer.reorder(move, new Set(ids))}>
                <Icon size={15} />
              </ActionIcon>
            </Tooltip>
          ))}
        </Group>
      )}
    </Stack>
  );
});

