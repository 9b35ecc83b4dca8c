"use client";

import { Alert, Stack, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useI18n } from "../../../_i18n/I18nProvider";
import type { PrintReadyProvenance } from "@/domain/provenance";
import type { Shape } from "../store/shapeTypes";
import { canMakePrintReady, PrintFixes } from "./PrintFixes";

/** What "Make print-ready" multiplies each side by. */
const PRINT_READY_SCALE = 16;

type Props = { canvasId: string; shape: Shape; printReady: PrintReadyProvenance | null; naturalWidth: number; naturalHeight: number };

/**
 * "Make print-ready" or "Make vector" for one image object: queues the print-ready network on the
 * canvas's shared queue; when it is done the object shows the new image for everyone, in the same
 * place and size.
 */
export function MakePrintReady({ canvasId, shape, printReady, naturalWidth, naturalHeight }: Props) {
  const { t } = useI18n();
  if (printReady) {
    return (
      <Alert variant="light" color="teal" p={8} icon={<IconCircleCheck size={16} />} data-testid="print-ready-done">
        <Text size="xs">{t("editor.printReady.done", { width: naturalWidth, height: naturalHeight })}</Text>
      </Alert>
    );
  }
  if (!canMakePrintReady(shape, { width: naturalWidth, height: naturalHeight })) return null;
  return (
    <Stack gap={4}>
      <PrintFixes canvasId={canvasId} shape={shape} fullWidth />
      <Text size="xs" c="dimmed">
        {t("editor.printReady.hint", { width: naturalWidth, height: naturalHeight, outWidth: naturalWidth * PRINT_READY_SCALE, outHeight: naturalHeight * PRINT_READY_SCALE })}
      </Text>
    </Stack>
  );
}
