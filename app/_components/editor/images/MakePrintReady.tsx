"use client";

import { Alert, Button, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck, IconWand } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useTRPC } from "../../../_lib/trpc";
import type { PrintReadyProvenance } from "@/domain/provenance";
import { assetIdFromSrc } from "@/domain/document/assetSource";
import type { Shape } from "../store/shapeTypes";

/** What the print-ready network takes: larger images already print as they are. */
const MAX_SOURCE_SIDE = 256;

/**
 * "Make print-ready" for one image object: queues the print-ready network on the canvas's shared
 * queue; when it is done the object shows the new image for everyone, in the same place and size.
 */
type Props = { canvasId: string; shape: Shape; printReady: PrintReadyProvenance | null; naturalWidth: number; naturalHeight: number };

export function MakePrintReady({ canvasId, shape, printReady, naturalWidth, naturalHeight }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const request = useMutation(trpc.generation.makePrintReady.mutationOptions());
  const assetId = assetIdFromSrc(shape.src);
  if (printReady) {
    return (
      <Alert variant="light" color="teal" p={8} icon={<IconCircleCheck size={16} />} data-testid="print-ready-done">
        <Text size="xs">{t("editor.printReady.done", { width: naturalWidth, height: naturalHeight })}</Text>
      </Alert>
    );
  }
  if (!assetId || !naturalWidth || Math.max(naturalWidth, naturalHeight) > MAX_SOURCE_SIDE) return null;
  return (
    <div>
      <Button
        size="xs"
        fullWidth
        variant="light"
        color="teal"
        leftSection={<IconWand size={14} />}
        loading={request.isPending}
        disabled={request.isSuccess}
        onClick={() =>
          request.mutate(
            { canvasId, assetId, shapeId: shape.id },
            {
              onSuccess: () => notifications.show({ color: "teal", title: t("editor.printReady.queued"), message: t("editor.printReady.queuedHint") }),
              onError: (e) => notifications.show({ color: "red", title: t("editor.printReady.failed"), message: e.message }),
            },
          )
        }
        data-testid="make-print-ready"
      >
        {t("editor.printReady.action")}
      </Button>
      <Text size="xs" c="dimmed" mt={4}>{t("editor.printReady.hint", { width: naturalWidth, height: naturalHeight, outWidth: naturalWidth * 16, outHeight: naturalHeight * 16 })}</Text>
    </div>
  );
}
