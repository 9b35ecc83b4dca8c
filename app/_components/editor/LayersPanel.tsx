"use client";

import { ActionIcon, Group, ScrollArea, Text, UnstyledButton } from "@mantine/core";
import { IconArrowUpRight, IconCircle, IconEye, IconEyeOff, IconLine, IconLock, IconLockOpen, IconPencil, IconPhoto, IconSquare, IconTypography } from "@tabler/icons-react";
import { memo } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { updateShapes, type CanvasDocument } from "./store/canvasDocument";
import type { Shape, ShapeType } from "./store/shapeTypes";

const ICONS: Record<ShapeType, typeof IconSquare> = { rect: IconSquare, ellipse: IconCircle, text: IconTypography, line: IconLine, arrow: IconArrowUpRight, draw: IconPencil, image: IconPhoto };

/** Top of the stack first, like every design tool. Memoised: panning must not re-render it. */
export const LayersPanel = memo(function LayersPanel(props: { canvas: CanvasDocument; shapes: Shape[]; selection: Set<string>; select: (ids: string[]) => void; readOnly: boolean }) {
  const { canvas, shapes, selection, select, readOnly } = props;
  const { t } = useI18n();
  return (
    <ScrollArea h="100%" type="auto">
      {shapes.length === 0 && (
        <Text size="xs" c="dimmed" p="xs">
          {t("editor.layers.empty")}
        </Text>
      )}
      {[...shapes].reverse().map((s) => {
        const Icon = ICONS[s.type];
        const active = selection.has(s.id);
        return (
          <Group key={s.id} gap={4} wrap="nowrap" px={6} py={2} bg={active ? "violet.0" : undefined} style={{ borderRadius: 6 }} data-testid="layer-row">
            <UnstyledButton onClick={() => select([s.id])} style={{ flex: 1, minWidth: 0 }} aria-label={t("editor.layers.select", { name: s.name })}>
              <Group gap={6} wrap="nowrap">
                <Icon size={14} color="var(--mantine-color-gray-6)" />
                <Text size="xs" truncate c={s.hidden ? "dimmed" : undefined} fw={active ? 600 : 400}>
                  {s.type === "text" && s.text ? s.text.slice(0, 40) : s.name}
                </Text>
              </Group>
            </UnstyledButton>
            {!readOnly && (
              <>
                <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t(s.hidden ? "editor.layers.show" : "editor.layers.hide")} onClick={() => updateShapes(canvas, [s.id], { hidden: !s.hidden })}>
                  {s.hidden ? <IconEyeOff size={13} /> : <IconEye size={13} />}
                </ActionIcon>
                <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t(s.locked ? "editor.layers.unlock" : "editor.layers.lock")} onClick={() => updateShapes(canvas, [s.id], { locked: !s.locked })}>
                  {s.locked ? <IconLock size={13} /> : <IconLockOpen size={13} />}
                </ActionIcon>
              </>
            )}
          </Group>
        );
      })}
    </ScrollArea>
  );
});
