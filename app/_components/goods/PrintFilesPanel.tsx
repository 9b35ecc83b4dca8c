"use client";

import { Anchor, Badge, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconPrinter } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { printPixels, type PrintArea, type Product } from "@/domain/catalog/catalog";
import { printSizesOf } from "@/domain/catalog/variantArea";
import { isRenderOpen, type RenderStatus } from "@/domain/render/renderStatus";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";

const STATUS_COLOR = { queued: "gray", running: "blue", succeeded: "teal", failed: "red" } as const satisfies Record<RenderStatus, string>;

/**
 * Print files of each print area (one per size its variants print at): render one, watch it,
 * download it and, for a spot-colour design, its screen-print separations. Everyone sees the same list.
 */
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
  /** The sizes (A3, iPhone 16…) of the variants that print at one size. */
  const sizesOf = (variantIds: string[]) => [...new Set(product.variants.filter((v) => variantIds.includes(v.id)).map((v) => v.size))].join(", ");
  const fileLabel = (printAreaId: string, variantId: string | null) => {
    const area = product.printAreas.find((a) => a.id === printAreaId);
    const size = variantId && area ? printSizesOf(product, area).find((s) => s.variantIds.includes(variantId)) : undefined;
    return size ? `${areaName(printAreaId)} · ${sizesOf(size.variantIds)}` : areaName(printAreaId);
  };
  const sizeRows = (area: PrintArea) => {
    const sizes = printSizesOf(product, area);
    // The area's own size is rendered without a variant, as before variants had sizes of their own.
    const own = (a: PrintArea) => a.widthMm === area.widthMm && a.heightMm === area.heightMm && a.dpi === area.dpi;
    return sizes.map((s) => ({
      key: `${area.id}-${s.variantIds[0]}`,
      area: s.area,
      variantId: own(s.area) ? undefined : s.variantIds[0],
      label: sizes.length > 1 || !own(s.area) ? `${names.area(area.name)} · ${sizesOf(s.variantIds)}` : names.area(area.name),
    }));
  };

  return (
    <Stack gap="xs" p="sm">
      {canEdit &&
        product.printAreas.flatMap(sizeRows).map((row) => {
          const px = printPixels(row.area);
          return (
            <Group key={row.key} justify="space-between" wrap="nowrap" gap={6}>
              <div>
                <Text size="sm" fw={600}>
                  {row.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("goods.print.size", { width: px.width, height: px.height, dpi: row.area.dpi })}
                </Text>
              </div>
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconPrinter size={14} />}
                loading={create.isPending && create.variables?.printAreaId === row.area.id && create.variables?.variantId === row.variantId}
                onClick={() => create.mutate({ canvasId, printAreaId: row.area.id, variantId: row.variantId })}
                data-testid={row.variantId ? `render-print-${row.area.id}-${row.variantId}` : `render-print-${row.area.id}`}
              >
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
        <Group
          key={f.id}
          justify="space-between"
          wrap="nowrap"
          gap={6}
          data-testid={f.ink ? "print-separation" : "print-file"}
          data-status={f.status}
          data-ink={f.ink ?? undefined}
          style={f.ink ? { paddingLeft: 14 } : { borderTop: "1px solid var(--mantine-color-gray-2)", paddingTop: 6 }}
        >
          <div style={{ minWidth: 0 }}>
            <Group gap={6}>
              {f.ink ? (
                <Text size="sm" title={t("goods.print.separationHint")} style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
                  <span aria-hidden style={{ width: 12, height: 12, borderRadius: 6, background: f.ink, border: "1px solid var(--mantine-color-gray-4)", display: "inline-block" }} />
                  {t("goods.print.separation", { ink: f.ink })}
                </Text>
              ) : (
                <Text size="sm">{fileLabel(f.printAreaId, f.variantId)}</Text>
              )}
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
            <Anchor href={f.url} download size="xs" data-testid={f.ink ? "separation-download" : "print-download"} style={{ display: "flex", alignItems: "center", gap: 4 }}>
              <IconDownload size={14} />
              {t("goods.print.download")}
            </Anchor>
          )}
        </Group>
      ))}
    </Stack>
  );
}
