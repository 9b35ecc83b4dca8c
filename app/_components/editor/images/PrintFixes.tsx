"use client";

import { Button, Group, Menu, SimpleGrid, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChevronDown, IconVectorBezier2, IconWand } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { VECTOR_COLORS, type PrintOutput } from "@/domain/generationView";
import { assetIdFromSrc } from "@/domain/document/assetSource";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import type { Shape } from "../store/shapeTypes";

/** The print-ready network takes images up to this size a side: larger ones are not previews. */
export const PRINT_READY_MAX_SOURCE = 256;

/** Whether the one-click fixes apply: a raster asset of the canvas small enough for the network. */
export function canMakePrintReady(shape: Shape, size: { width: number; height: number; vector?: boolean } | undefined): boolean {
  return !!size && !size.vector && assetIdFromSrc(shape.src) !== null && Math.max(size.width, size.height) <= PRINT_READY_MAX_SOURCE;
}

const COUNTS = Array.from({ length: VECTOR_COLORS.max - VECTOR_COLORS.min + 1 }, (_, i) => VECTOR_COLORS.min + i);

/** `fullWidth`: the two stacked, each as wide as a narrow side panel. */
type Props = { canvasId: string; shape: Shape; size?: "xs" | "compact-xs"; fullWidth?: boolean };

/**
 * "Make print-ready" and "Make vector", one click each, on the canvas's shared queue; the result
 * replaces this image in place for everyone. The vector's colour count is automatic unless picked
 * from the menu beside it.
 */
export function PrintFixes({ canvasId, shape, size = "xs", fullWidth }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const request = useMutation(trpc.generation.makePrintReady.mutationOptions());
  const [menuOpen, setMenuOpen] = useState(false);
  const assetId = assetIdFromSrc(shape.src);
  if (!assetId) return null;
  const asked = request.isSuccess ? request.variables : null;
  const run = (output: PrintOutput, colors?: number) =>
    request.mutate(
      { canvasId, assetId, shapeId: shape.id, output, colors },
      {
        onSuccess: () =>
          notifications.show({ color: "teal", title: t(output === "vector" ? "editor.printReady.vectorQueued" : "editor.printReady.queued"), message: t("editor.printReady.queuedHint") }),
        onError: (e) => notifications.show({ color: "red", title: t("editor.printReady.failed"), message: errorMessage(e, t) }),
      },
    );
  const busy = (output: PrintOutput) => request.isPending && request.variables?.output === output;
  return (
    <Group gap={6} data-testid="print-fixes" onPointerDown={(e) => e.stopPropagation()}>
      <Button size={size} fullWidth={fullWidth} variant="light" color="teal" leftSection={<IconWand size={14} />} loading={busy("raster")} disabled={!!asked || request.isPending} onClick={() => run("raster")} data-testid="make-print-ready">
        {t("editor.printReady.action")}
      </Button>
      <Button.Group style={fullWidth ? { width: "100%" } : undefined}>
        <Button size={size} variant="light" color="indigo" leftSection={<IconVectorBezier2 size={14} />} loading={busy("vector")} disabled={!!asked || request.isPending} onClick={() => run("vector")} data-testid="make-vector" style={fullWidth ? { flex: 1 } : undefined}>
          {t("editor.printReady.vector")}
        </Button>
        <Menu position="bottom-end" withinPortal shadow="md" width={220} opened={menuOpen} onChange={setMenuOpen}>
          <Menu.Target>
            <Tooltip label={t("editor.printReady.colorsHint")} withArrow openDelay={400} disabled={menuOpen}>
              <Button size={size} variant="light" color="indigo" px={6} disabled={!!asked || request.isPending} aria-label={t("editor.printReady.colorsHint")} data-testid="vector-colors" style={{ borderLeft: "1px solid var(--mantine-color-indigo-2)" }}>
                <IconChevronDown size={14} />
              </Button>
            </Tooltip>
          </Menu.Target>
          <Menu.Dropdown data-testid="vector-colors-menu">
            <Menu.Label>{t("editor.printReady.colors")}</Menu.Label>
            <Menu.Item onClick={() => run("vector")} data-testid="vector-colors-auto">
              {t("editor.printReady.colorsAuto")}
            </Menu.Item>
            <SimpleGrid cols={5} spacing={2} px={4} pb={4}>
              {COUNTS.map((n) => (
                <Menu.Item key={n} onClick={() => run("vector", n)} ta="center" px={0} aria-label={t("editor.printReady.colorsCount", { count: n })} data-testid={`vector-colors-${n}`}>
                  {n}
                </Menu.Item>
              ))}
            </SimpleGrid>
          </Menu.Dropdown>
        </Menu>
      </Button.Group>
    </Group>
  );
}
