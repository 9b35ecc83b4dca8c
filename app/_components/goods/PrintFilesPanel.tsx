"use client";

import { Anchor, Badge, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconPrinter } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { printPixels, type Product } from "@/domain/catalog/catalog";
import { isRenderOpen, type RenderStatus } from "@/domain/render/renderStatus";
import type { MessageKey } from "../../_i18n/en";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";

const STATUS_COLOR = { queued: "gray", running: "blue", succeeded: "teal", failed: "red" } as const satisfies Record<RenderStatus, string>;

/** Print files of each print area: render one, watch it, download it. Everyone sees the same list. */
export function PrintFilesPanel({ canvasId, product, canEdit }: { canvasId: string; product: Product; canEdit: boolean }) {
  const { t, date, names } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({
    ...trpc.printFile.list.queryOptions({ canvasId }),
    // While something renders, every member's list follows it; otherwise now and then.
    refetchInterval: (q) => (q.state.data?.some((f) => isRenderOpen(f.status)) ? 1_000 : 10_000),
  });
  const create = useMutation(
    trpc.printFile.create.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.printFile.list.queryKey({ canvasId }) }),
      onError: (e) => notifications.show({ color: "red", message: e.message }),
    }),
  );
  const areaName = (id: string) => names.area(product.printAreas.find((a) => a.id === id)?.name ?? id);

  return (
    <Stack gap="xs" p="sm">
      {canEdit &&
        product.printAreas.map((area) => {
          const px = printPixels(area);
          return (
            <Group key={area.id} justify="space-between" wrap="nowrap" gap={6}>
              <div>
                <Text size="sm" fw={600}>
                  {names.area(area.name)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("goods.print.size", { width: px.width, height: px.height, dpi: area.dpi })}
                </Text>
              </div>
              <Button size="compact-xs" variant="light" leftSection={<IconPrinter size={14} />} loading={create.isPending && create.variables?.printAreaId === area.id} onClick={() => create.mutate({ canvasId, printAreaId: area.id })} data-testid={`render-print-${area.id}`}>
                {t("goods.print.create")}
              </Button>
            </Group>
          );
        })}
      {!list.data?.length && (
        <Text size="xs" c="dimmed">
          {t("goods.print.none")}
        </Text>
      )}
      {list.data?.map((f) => (
        <Group key={f.id} justify="space-between" wrap="nowrap" gap={6} data-testid="print-file" data-status={f.status} style={{ borderTop: "1px solid var(--mantine-color-gray-2)", paddingTop: 6 }}>
          <div style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Text size="sm">{areaName(f.printAreaId)}</Text>
              <Badge size="xs" color={STATUS_COLOR[f.status]} variant="light" leftSection={f.status === "running" ? <Loader size={8} /> : undefined}>
                {t(`goods.print.status.${f.status}` as MessageKey)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t("goods.print.size", { width: f.widthPx, height: f.heightPx, dpi: f.dpi })} · {date(f.createdAt)}
            </Text>
            {f.error && (
              <Text size="xs" c="red">
                {f.error}
              </Text>
            )}
          </div>
          {f.url && (
            <Anchor href={f.url} download size="xs" data-testid="print-download" style={{ display: "flex", alignItems: "center", gap: 4 }}>
              <IconDownload size={14} />
              {t("goods.print.download")}
            </Anchor>
          )}
        </Group>
      ))}
    </Stack>
  );
}
