"use client";

import { Badge, Group, Image, Loader, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../../_i18n/I18nProvider";
import { isPending, type CanvasListing, type RenderStatus } from "./types";

const STATUS_COLOR = { queued: "gray", running: "blue", succeeded: "teal", failed: "red" } as const;

/** The version's mockups and print files filling in, so the owner knows when the page is complete. */
export function RenderProgress({ listing }: { listing: CanvasListing }) {
  const { t, names } = useI18n();
  const all: RenderStatus[] = [...listing.mockups.map((m) => m.status), ...listing.printFiles.map((p) => p.status)];
  const done = all.filter((s) => !isPending(s)).length;
  const finished = done === all.length;
  const variantOf = (id: string) => listing.variants.find((v) => v.id === id);
  const areaName = (id: string) => names.area(listing.product.printAreas.find((a) => a.id === id)?.name ?? id);
  const label = t("shopAdmin.sell.renders", { done, total: all.length });

  return (
    <Stack gap={8} data-testid="listing-renders" data-done={finished}>
      <Group justify="space-between" gap={6} wrap="nowrap">
        <Text size="xs" fw={600}>
          {finished ? t("shopAdmin.sell.rendersDone") : label}
        </Text>
        {finished ? <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden /> : <Loader size={12} />}
      </Group>
      {!finished && <Progress value={all.length ? (100 * done) / all.length : 0} size="sm" aria-label={label} />}
      <SimpleGrid cols={3} spacing={6}>
        {listing.mockups.map((m) => {
          const name = `${names.color(variantOf(m.variantId)?.color ?? "")} · ${areaName(m.printAreaId)}`;
          return (
            <div key={m.id} data-testid="listing-mockup" data-status={m.status} title={name}>
              {m.url ? (
                <Image src={m.url} alt={name} radius="sm" />
              ) : (
                <div style={{ aspectRatio: "1 / 1", borderRadius: 4, background: "var(--mantine-color-gray-1)", display: "grid", placeItems: "center" }} aria-label={name} role="img">
                  {m.status === "failed" ? <Badge color="red" size="xs">{t("goods.print.status.failed")}</Badge> : <Loader size={14} />}
                </div>
              )}
            </div>
          );
        })}
      </SimpleGrid>
      {listing.printFiles.map((p) => (
        <Group key={p.printAreaId} justify="space-between" gap={6} wrap="nowrap" data-testid="listing-print" data-status={p.status}>
          <Text size="xs">{t("shopAdmin.sell.printFile", { area: areaName(p.printAreaId) })}</Text>
          <Badge size="xs" variant="light" color={STATUS_COLOR[p.status]}>
            {t(`goods.print.status.${p.status}` as MessageKey)}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
