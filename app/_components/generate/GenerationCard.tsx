"use client";

import { ActionIcon, Avatar, Badge, Box, Button, Card, Group, Image, Progress, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconPlayerStop, IconRefresh, IconRepeat } from "@tabler/icons-react";
import { memo } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { initials } from "../ui/initials";
import { GENERATED_IMAGE_MIME, payloadOf, type Generation, type GenerationImage } from "./generatedImage";

const STATUS_COLOR: Record<Generation["status"], string> = { queued: "gray", running: "violet", succeeded: "teal", failed: "red", canceled: "gray" };

const FAILURES = ["modelUnavailable", "failed", "workerLost", "sourceGone"] as const;
const isFailureCode = (e: string): e is (typeof FAILURES)[number] => (FAILURES as readonly string[]).includes(e);

function seconds(ms: number): string {
  return ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000));
}

type Props = {
  generation: Generation;
  /** A cancel or retry of this one is on its way. */
  busy: boolean;
  canChange: boolean;
  canPlace: boolean;
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
  onReuse: (g: Generation) => void;
  onPlace: (g: Generation, image: GenerationImage) => void;
  /** For the canvas's owner: move this waiting generation one place earlier or later (null: it is first or last). */
  move?: { earlier: (() => void) | null; later: (() => void) | null };
};

/** One request in the shared queue: who asked for what, where it stands, and its results. */
export const GenerationCard = memo(function GenerationCard({ generation: g, busy, canChange, canPlace, onCancel, onRetry, onReuse, onPlace, move }: Props) {
  const { t } = useI18n();
  const waited = g.startedAt ? g.startedAt.getTime() - g.queuedAt.getTime() : null;
  const firstStep = g.firstProgressAt && g.startedAt ? g.firstProgressAt.getTime() - g.startedAt.getTime() : null;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="generation-card" data-status={g.status} data-generation-id={g.id}>
      <Group justify="space-between" wrap="nowrap" gap="xs" mb={6}>
        <Group gap={6} wrap="nowrap" miw={0}>
          <Avatar size={22} radius="xl" color="violet">{initials(g.requestedBy?.name ?? "?")}</Avatar>
          <Text size="xs" c="dimmed" truncate>{g.requestedBy?.name ?? t("generate.someone")}</Text>
        </Group>
        <Group gap={2} wrap="nowrap">
          {move && (
            <>
              <ActionIcon size="sm" variant="subtle" color="gray" disabled={!move.earlier} onClick={move.earlier ?? undefined} aria-label={t("generate.moveEarlier")}>
                <IconChevronUp size={14} />
              </ActionIcon>
              <ActionIcon size="sm" variant="subtle" color="gray" disabled={!move.later} onClick={move.later ?? undefined} aria-label={t("generate.moveLater")}>
                <IconChevronDown size={14} />
              </ActionIcon>
            </>
          )}
          <Badge size="sm" variant="light" color={g.paused ? "yellow" : STATUS_COLOR[g.status]} data-testid="generation-badge">
            {g.paused ? t("generate.paused") : g.status === "queued" && g.position ? t("generate.position", { position: g.position }) : t(`generate.status.${g.status}`)}
          </Badge>
        </Group>
      </Group>
      <Group gap={6} wrap="nowrap" mb={6} align="flex-start">
        {g.upscale && (
          <Tooltip label={t("generate.printReadyBadgeHint", { width: g.kind === "printReady" ? g.width : g.width * 16, height: g.kind === "printReady" ? g.height : g.height * 16 })}>
            <Badge size="xs" variant="outline" color="teal" style={{ flex: "none" }} data-testid="print-ready-badge">{t(g.kind === "printReady" ? "generate.kind.printReady" : "generate.printReadyBadge")}</Badge>
          </Tooltip>
        )}
        <Text size="sm" lineClamp={2} title={g.prompt}>{g.prompt}</Text>
      </Group>
      {g.understood !== null && (
        <Tooltip label={t("generate.understoodHint")} multiline w={260} openDelay={300}>
          <Text size="xs" c="dimmed" lineClamp={2} mt={-4} mb={6} data-testid="generation-understood">
            {t("generate.understood", { prompt: g.prompt, understood: g.understood })}
          </Text>
        </Tooltip>
      )}

      {g.status === "running" && (
        <Group gap="sm" wrap="nowrap" align="center" mb={6}>
          <Box w={56} h={56} bg="gray.1" style={{ borderRadius: 8, overflow: "hidden", flex: "none" }}>
            {g.previewUrl && <Image src={g.previewUrl} alt={t("generate.preview")} w={56} h={56} style={{ imageRendering: "pixelated" }} data-testid="generation-preview" />}
          </Box>
          <Stack gap={4} style={{ flex: 1 }}>
            <Progress aria-label={t(g.kind === "printReady" ? "generate.tile" : "generate.step", { step: g.step, total: g.totalSteps })} value={g.progress * 100} size="md" radius="xl" animated striped transitionDuration={150} data-testid="generation-progress" />
            <Text size="xs" c="dimmed" data-testid="generation-step">{t(g.kind === "printReady" ? "generate.tile" : "generate.step", { step: g.step, total: g.totalSteps })}</Text>
          </Stack>
        </Group>
      )}

      {g.status === "succeeded" && (
        <SimpleGrid cols={g.images.length === 1 ? 1 : 2} spacing={6} mb={6}>
          {g.images.map((image) => (
            <Tooltip key={image.assetId} label={canPlace ? t("generate.placeHint") : g.prompt} openDelay={400}>
              <UnstyledButton
                draggable={canPlace}
                disabled={!canPlace}
                onDragStart={(e) => {
                  e.dataTransfer.setData(GENERATED_IMAGE_MIME, JSON.stringify(payloadOf(g, image)));
                  e.dataTransfer.effectAllowed = "copy";
                }}
                onClick={() => canPlace && onPlace(g, image)}
                aria-label={t("generate.place")}
                data-testid="generation-result"
                style={{ borderRadius: 8, overflow: "hidden", background: "repeating-conic-gradient(#f1f3f5 0 25%, #fff 0 50%) 0 0 / 16px 16px", cursor: canPlace ? "grab" : "default" }}
              >
                <Image src={image.thumbUrl} alt={g.prompt} style={{ aspectRatio: `${image.width} / ${image.height}`, imageRendering: image.width <= 128 ? "pixelated" : "auto" }} />
              </UnstyledButton>
            </Tooltip>
          ))}
        </SimpleGrid>
      )}

      {g.status === "failed" && g.error && (
        <Text size="xs" c="red" mb={6} data-testid="generation-error">
          {isFailureCode(g.error) ? t(`generate.error.${g.error}`) : g.error}
        </Text>
      )}

      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        {/* Two lines rather than an ellipsis: "waited 12 s · first step after 1.4 s" must read whole in a narrow dock. */}
        <Text size="xs" c="dimmed" lineClamp={2} style={{ flex: 1, minWidth: 0 }}>
          {g.status === "succeeded" && g.durationMs != null && t("generate.took", { seconds: seconds(g.durationMs), provider: g.provider ?? "?" })}
          {g.status === "running" && waited != null && t("generate.waited", { seconds: seconds(waited) }) + (firstStep != null ? ` · ${t("generate.firstStep", { seconds: seconds(firstStep) })}` : "")}
          {g.status === "queued" && (g.kind === "printReady" ? `${g.width}×${g.height}` : `${g.width}×${g.height} · ${t("generate.stepsShort", { steps: g.steps })}`)}
        </Text>
        <Group gap={4} wrap="nowrap">
          {canChange && (g.status === "queued" || g.status === "running") && (
            <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconPlayerStop size={12} />} loading={busy} onClick={() => onCancel(g.id)}>{t("generate.cancel")}</Button>
          )}
          {canChange && (g.status === "failed" || g.status === "canceled") && (
            <Button size="compact-xs" variant="subtle" leftSection={<IconRefresh size={12} />} loading={busy} onClick={() => onRetry(g.id)}>{t("generate.retry")}</Button>
          )}
          {canPlace && g.kind === "generate" && (g.status === "succeeded" || g.status === "failed" || g.status === "canceled") && (
            <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconRepeat size={12} />} onClick={() => onReuse(g)}>{t("generate.reuse")}</Button>
          )}
        </Group>
      </Group>
    </Card>
  );
});
