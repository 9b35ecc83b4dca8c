"use client";

import { Button } from "@mantine/core";
import { IconArrowsMinimize } from "@tabler/icons-react";
import type { PrintArea } from "@/domain/catalog/catalog";
import type { ImageSize } from "@/domain/design/preflight";
import type { Shape } from "@/domain/document/shape";
import { useI18n } from "../../_i18n/I18nProvider";
import { canMakePrintReady, PrintFixes } from "../editor/images/PrintFixes";
import { useEditorStore } from "../editor/store/useEditor";
import { shrinkToDpi } from "./shrinkToDpi";

type Props = { canvasId: string; shape: Shape; area: PrintArea; size: ImageSize | undefined; minDpi: number };

/**
 * The fixes for an image below the product's DPI, one click each: a small source (a model's
 * preview) is made print-ready or a vector; a larger one that is simply printed too big shrinks to
 * the size its pixels hold.
 */
export function ImageFixes({ canvasId, shape, area, size, minDpi }: Props) {
  const { t } = useI18n();
  const store = useEditorStore();
  if (canMakePrintReady(shape, size)) return <PrintFixes canvasId={canvasId} shape={shape} size="compact-xs" />;
  const shrunk = size && shrinkToDpi(shape, area, size, minDpi);
  if (!shrunk) return null;
  return (
    <Button
      size="compact-xs"
      variant="light"
      color="teal"
      leftSection={<IconArrowsMinimize size={14} />}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => store.updateShapes([shape.id], shrunk)}
      data-testid="shrink-to-dpi"
    >
      {t("goods.fix.shrink", { dpi: minDpi })}
    </Button>
  );
}
