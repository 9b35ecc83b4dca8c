"use client";

import { Box, Button, CloseButton, Group, Indicator, Loader, ScrollArea, Stack, Text, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlayerPause, IconPlayerPlay, IconSparkles } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Role } from "@/domain/canvas/roles";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { GenerationCard } from "./GenerationCard";
import { GenerationForm } from "./GenerationForm";
import type { Generation, GenerationImage, GenerationSettings } from "./generatedImage";
import { useGenerationQueue } from "./useGenerationQueue";
import { useQueueOrder } from "./useQueueOrder";

type Props = {
  canvasId: string;
  me: { id: string; role: Role };
  reuse: { settings: GenerationSettings; nonce: number } | null;
  onReuse: (settings: GenerationSettings) => void;
  onPlace: (g: Generation, image: GenerationImage) => void;
  /** Shown as a close button where the panel is a drawer (phones). */
  onClose?: () => void;
  /** The print area in view, when the canvas designs a product: sizes follow its shape. */
  printArea?: { aspect: number; name: string } | null;
};

/** The canvas's generation panel: the form (for editors) and the queue everyone shares. */
export function GenerationPanel({ canvasId, me, reuse, onReuse, onPlace, onClose, printArea }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const model = useQuery(trpc.generation.model.queryOptions());
  const { generations, live, failed } = useGenerationQueue(canvasId);
  const onError = (e: unknown) => notifications.show({ color: "red", message: errorMessage(e, t) });
  const cancel = useMutation(trpc.generation.cancel.mutationOptions({ onError }));
  const retry = useMutation(trpc.generation.retry.mutationOptions({ onError }));
  const canEdit = me.role !== "viewer";
  const cancelOne = useCallback((id: string) => cancel.mutate({ id }), [cancel]);
  const retryOne = useCallback((id: string) => retry.mutate({ id }), [retry]);
  const reuseOne = useCallback((g: Generation) => onReuse(g), [onReuse]);
  const busyId = (cancel.isPending ? cancel.variables?.id : undefined) ?? (retry.isPending ? retry.variables?.id : undefined);
  const waiting = generations?.filter((g) => g.status === "queued" || g.status === "running").length ?? 0;
  const queue = useQueueOrder(canvasId, me.role === "owner" ? generations : undefined, onError);

  return (
    <Box bg="white" h="100%" style={{ borderRight: "1px solid var(--mantine-color-gray-2)", minHeight: 0, display: "grid", gridTemplateRows: "auto auto 1fr" }} data-testid="generation-panel">
      <Group px="sm" py={10} justify="space-between" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
        <Group gap={6}>
          <IconSparkles size={18} color="var(--mantine-color-violet-6)" />
          <Title order={5}>{t("generate.title")}</Title>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Tooltip label={live ? t("generate.live") : t(failed ? "generate.reconnecting" : "generate.connecting")}>
            <Indicator color={live ? "teal" : "yellow"} size={8} processing={!live} position="middle-end" offset={-4}>
              <Text size="xs" c="dimmed" pr={10} data-testid="queue-count">{t("generate.inQueue", { count: waiting })}</Text>
            </Indicator>
          </Tooltip>
          {queue.canPause && (
            <Button size="compact-xs" variant="light" color={queue.paused ? "teal" : "gray"} leftSection={queue.paused ? <IconPlayerPlay size={12} /> : <IconPlayerPause size={12} />} onClick={queue.togglePause} loading={queue.pausing} data-testid="queue-pause">
              {t(queue.paused ? "generate.resumeQueue" : "generate.pauseQueue")}
            </Button>
          )}
          {onClose && <CloseButton size="sm" aria-label={t("generate.close")} onClick={onClose} />}
        </Group>
      </Group>
      {/* The form scrolls on its own so the queue stays in sight with the advanced options open. */}
      <Box p="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)", maxHeight: "55dvh", overflowY: "auto" }}>
        {!canEdit ? (
          <Text size="xs" c="dimmed">{t("generate.viewerNote")}</Text>
        ) : model.data ? (
          <GenerationForm canvasId={canvasId} model={model.data} reuse={reuse} printArea={printArea} />
        ) : model.isLoading ? (
          <Loader size="sm" />
        ) : (
          <Text size="xs" c="red">{t(model.isError ? "generate.modelFailed" : "generate.noModel")}</Text>
        )}
      </Box>
      <ScrollArea type="auto" offsetScrollbars style={{ minHeight: 0 }}>
        <Stack gap="xs" p="sm" data-testid="generation-queue">
          {generations === undefined && (failed ? <Text size="sm" c="red" ta="center">{t("generate.loadFailed")}</Text> : <Loader size="sm" mx="auto" />)}
          {generations?.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="lg">{t(canEdit ? "generate.empty" : "generate.emptyViewer")}</Text>
          )}
          {generations?.map((g) => (
            <GenerationCard
              key={g.id}
              generation={g}
              busy={busyId === g.id}
              canChange={canEdit && (g.requestedBy?.id === me.id || me.role === "owner")}
              canPlace={canEdit}
              onCancel={cancelOne}
              onRetry={retryOne}
              onReuse={reuseOne}
              onPlace={onPlace}
              move={queue.moveOf(g.id)}
            />
          ))}
        </Stack>
      </ScrollArea>
    </Box>
  );
}
