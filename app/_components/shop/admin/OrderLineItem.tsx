"use client";

import { Anchor, Badge, Group, Image, Loader, Stack, Text } from "@mantine/core";
import { IconDownload, IconPhoto } from "@tabler/icons-react";
import type { inferRouterOutputs } from "@trpc/server";
import type { RenderStatus } from "@/domain/render/renderStatus";
import type { AppRouter } from "@/server/trpc/appRouter";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useCatalog } from "../../goods/useCanvasProduct";
import { productPath } from "@/domain/shop/productPath";

type Line = inferRouterOutputs<AppRouter>["order"]["get"]["lines"][number];
const FILE_COLOR = { queued: "gray", running: "blue", succeeded: "teal", failed: "red" } as const satisfies Record<RenderStatus, string>;

/** One line of an order: the goods as bought, and the print files the shop sends to production. */
export function OrderLineItem({ line, currency }: { line: Line; currency: string }) {
  const { t, price, names } = useI18n();
  const catalog = useCatalog();
  const areaName = (id: string) => {
    const area = catalog?.flatMap((p) => p.printAreas).find((a) => a.id === id);
    return area ? names.area(area.name) : id;
  };
  const variant = [line.color && names.color(line.color), line.size].filter(Boolean).join(" · ");

  return (
    <Stack gap="sm" data-testid="order-line">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        {line.imageUrl ? (
          <Image src={line.imageUrl} alt={line.title} w={72} h={72} radius="md" style={{ flex: "none" }} />
        ) : (
          <div style={{ width: 72, height: 72, flex: "none", borderRadius: 8, background: "var(--mantine-color-gray-1)", display: "grid", placeItems: "center" }}>
            <IconPhoto size={24} color="var(--mantine-color-gray-5)" aria-hidden />
          </div>
        )}
        <div style={{ minWidth: 0, flex: 1 }}>
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <Anchor href={productPath(line.slug)} target="_blank" rel="noreferrer" size="sm" fw={600} c="dark" lineClamp={2}>
              {line.title}
            </Anchor>
            <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
              {price(line.unitPrice * line.quantity, currency)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {variant}
          </Text>
          <Text size="xs" c="dimmed">
            {t("shopAdmin.detail.qty", { count: line.quantity, price: price(line.unitPrice, currency) })}
          </Text>
          {line.refundedQuantity > 0 && (
            <Text size="xs" c="red.9" fw={600}>
              {t("shop.order.lineRefunded", { count: line.refundedQuantity })}
            </Text>
          )}
        </div>
      </Group>
      <Stack gap={6} pl={{ base: 0, xs: 84 }}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {t("shopAdmin.detail.printFiles")}
        </Text>
        {!line.printFiles.length && (
          <Text size="xs" c="dimmed">
            {t("shopAdmin.detail.noPrintFiles")}
          </Text>
        )}
        {line.printFiles.map((f) => (
          <Group key={f.id} justify="space-between" wrap="wrap" gap={6} p={8} data-testid="order-print-file" data-status={f.status} style={{ borderRadius: 8, background: "var(--mantine-color-gray-0)" }}>
            <div style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={600}>
                  {areaName(f.printAreaId)}
                </Text>
                <Badge size="xs" variant="light" color={FILE_COLOR[f.status]} leftSection={f.status === "running" ? <Loader size={8} /> : undefined}>
                  {t(`goods.print.status.${f.status}` as MessageKey)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {f.dpi ? t("shopAdmin.detail.fileSize", { width: f.widthPx, height: f.heightPx, dpi: f.dpi }) : t("shopAdmin.detail.fileSizePx", { width: f.widthPx, height: f.heightPx })}
              </Text>
            </div>
            {f.url && (
              <Anchor href={f.url} download size="sm" fw={600} data-testid="order-print-download" style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
                <IconDownload size={16} />
                {t("shopAdmin.detail.download")}
              </Anchor>
            )}
            {f.separations.length > 0 && <SeparationLinks separations={f.separations} />}
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

/** An order print file's screen-print films, one download per ink. */
function SeparationLinks({ separations }: { separations: Line["printFiles"][number]["separations"] }) {
  const { t } = useI18n();
  return (
    <Group gap={6} wrap="wrap" w="100%" data-testid="order-separations">
      <Text size="xs" c="dimmed">
        {t("shopAdmin.detail.separations")}
      </Text>
      {separations.map((s) => (
        <Anchor key={s.id} href={s.url} download size="xs" aria-label={t("shopAdmin.detail.downloadInk", { ink: s.ink })} data-testid="order-separation-download" data-ink={s.ink} style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
          <span aria-hidden style={{ width: 10, height: 10, borderRadius: 5, background: s.ink, border: "1px solid var(--mantine-color-gray-4)", display: "inline-block" }} />
          {s.ink}
        </Anchor>
      ))}
    </Group>
  );
}
