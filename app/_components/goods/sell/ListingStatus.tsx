"use client";

import { ActionIcon, Badge, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconCopy, IconExternalLink, IconEyeOff } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { RenderProgress } from "./RenderProgress";
import type { CanvasListing } from "./types";
import { productPath } from "@/domain/shop/productPath";

/** The listing on sale: its public link, version, stock, renders, and a way to take it down. */
export function ListingStatus({ canvasId, listing }: { canvasId: string; listing: CanvasListing }) {
  const { t, price } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const path = productPath(listing.slug);
  const unpublish = useMutation(
    trpc.listing.unpublish.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("shopAdmin.sell.unpublished") });
        void queryClient.invalidateQueries({ queryKey: trpc.listing.ofCanvas.queryKey({ canvasId }) });
      },
      onError: (e) => notifications.show({ color: "red", title: t("common.error"), message: errorMessage(e, t) }),
    }),
  );
  const confirmUnpublish = () =>
    modals.openConfirmModal({
      title: t("shopAdmin.sell.unpublishTitle"),
      children: <Text size="sm">{t("shopAdmin.sell.unpublishBody")}</Text>,
      labels: { confirm: t("shopAdmin.sell.unpublish"), cancel: t("shopAdmin.cancel") },
      confirmProps: { color: "red" },
      onConfirm: () => unpublish.mutate({ id: listing.id }),
    });

  return (
    <Paper withBorder radius="md" p="sm" data-testid="listing-status" data-published={listing.published}>
      <Stack gap="sm">
        <Group justify="space-between" gap={6} wrap="nowrap">
          <Badge color={listing.published ? "teal" : "gray"} variant="light">
            {listing.published ? t("shopAdmin.sell.onSale") : t("shopAdmin.sell.offSale")}
          </Badge>
          <Text size="xs" c="dimmed">
            {t("shopAdmin.sell.version", { version: listing.version })} · {price(listing.price, listing.currency)}
          </Text>
        </Group>
        {listing.stockTotal != null && (
          <Text size="xs" data-testid="listing-stock">
            {t("shopAdmin.sell.stockLeft", { left: listing.stockLeft ?? 0, total: listing.stockTotal })}
          </Text>
        )}
        {listing.published ? (
          <Group gap={6} wrap="nowrap" align="flex-end">
            <TextInput label={t("shopAdmin.sell.link")} value={`${origin}/p/${listing.slug}`} readOnly size="xs" style={{ flex: 1, minWidth: 0 }} onFocus={(e) => e.currentTarget.select()} data-testid="listing-link" />
            <CopyButton value={`${origin}${path}`}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t("shopAdmin.sell.copied") : t("shopAdmin.sell.copy")} withArrow>
                  <ActionIcon variant="default" size={30} onClick={copy} aria-label={t("shopAdmin.sell.copy")} data-testid="listing-copy">
                    {copied ? <IconCheck size={16} color="var(--mantine-color-teal-7)" /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
            <Tooltip label={t("shopAdmin.sell.open")} withArrow>
              <ActionIcon component="a" href={path} target="_blank" rel="noreferrer" variant="default" size={30} aria-label={t("shopAdmin.sell.open")} data-testid="listing-open">
                <IconExternalLink size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t("shopAdmin.sell.offSaleHint")}
          </Text>
        )}
        <RenderProgress listing={listing} />
        {listing.published && (
          <Button variant="subtle" color="red" size="xs" leftSection={<IconEyeOff size={14} />} onClick={confirmUnpublish} loading={unpublish.isPending} data-testid="listing-unpublish" style={{ alignSelf: "flex-start" }}>
            {t("shopAdmin.sell.unpublish")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
