"use client";

import { ActionIcon, Box, Group, ScrollArea, Text, UnstyledButton } from "@mantine/core";
import { IconArrowUpRight, IconCircle, IconEye, IconEyeOff, IconLine, IconLock, IconLockOpen, IconPencil, IconPhoto, IconSquare, IconTypography } from "@tabler/icons-react";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import type { DocumentWriter } from "./store/documentWriter";
import type { Shape, ShapeType } from "./store/shapeTypes";

const ICONS: Record<ShapeType, typeof IconSquare> = { rect: IconSquare, ellipse: IconCircle, text: IconTypography, line: IconLine, arrow: IconArrowUpRight, draw: IconPencil, image: IconPhoto };

const ROW = 28;
/** Rows drawn beyond each edge of the viewport, so fast scrolling shows no gaps. */
const OVERSCAN = 12;

type Props = { writer: DocumentWriter; shapes: Shape[]; selection: Set<string>; select: (ids: string[]) => void; readOnly: boolean };

/**
 * Top of the stack first, like every design tool. Only the rows in view exist in the page, so a
 * canvas with thousands of objects costs what one screenful does. Memoised: panning must not
 * re-render it.
 */
export const LayersPanel = memo(function LayersPanel({ writer, shapes, selection, select, readOnly }: Props) {
  const { t } = useI18n();
  const viewport = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const ordered = useMemo(() => [...shapes].reverse(), [shapes]);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A newly selected shape scrolls its row into view; edits to the document do not scroll.
  const scrolledFor = useRef<Set<string> | null>(null);
  useEffect(() => {
    const el = viewport.current;
    if (!el || selection.size !== 1 || scrolledFor.current === selection) return;
    scrolledFor.current = selection;
    const index = ordered.findIndex((s) => selection.has(s.id));
    if (index < 0) return;
    const y = index * ROW;
    if (y < el.scrollTop || y + ROW > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, y - el.clientHeight / 2);
  }, [selection, ordered]);

  const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
  const last = Math.min(ordered.length, Math.ceil((top + height) / ROW) + OVERSCAN);

  return (
    <ScrollArea h="100%" type="auto" viewportRef={viewport} onScrollPositionChange={({ y }) => setTop(y)} data-testid="layers" data-count={shapes.length}>
      {shapes.length === 0 && (
        <Text size="xs" c="dimmed" p="xs">
          {t("editor.layers.empty")}
        </Text>
      )}
      <Box pos="relative" h={ordered.length * ROW}>
        <Box pos="absolute" top={first * ROW} left={0} right={0}>
          {ordered.slice(first, last).map((s) => {
            const Icon = ICONS[s.type];
            const active = selection.has(s.id);
            return (
              <Group key={s.id} h={ROW} gap={4} wrap="nowrap" px={6} bg={active ? "violet.0" : undefined} style={{ borderRadius: 6 }} data-testid="layer-row" data-selected={active}>
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
                    <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t(s.hidden ? "editor.layers.show" : "editor.layers.hide")} onClick={() => writer.updateShapes([s.id], { hidden: !s.hidden })}>
                      {s.hidden ? <IconEyeOff size={13} /> : <IconEye size={13} />}
                    </ActionIcon>
                    <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t(s.locked ? "editor.layers.unlock" : "editor.layers.lock")} onClick={() => writer.updateShapes([s.id], { locked: !s.locked })}>
                      {s.locked ? <IconLock size={13} /> : <IconLockOpen size={13} />}
                    </ActionIcon>
                  </>
                )}
              </Group>
            );
          })}
        </Box>
      </Box>
    </ScrollArea>
  );
});
