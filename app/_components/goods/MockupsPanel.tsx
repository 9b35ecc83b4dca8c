"use client";

import { Badge, Button, Checkbox, Group, Image, Loader, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPhoto } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { productColors, type Product, type Variant } from "@/domain/catalog/catalog";
import { isRenderOpen } from "@/domain/render/renderStatus";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";

/** HQ mockups: pick colours, render every print area in each, watch the set fill in, open the pictures. */
export function MockupsPanel({ canvasId, product, variant, canEdit }: { canvasId: string; product: Product; variant: Variant; canEdit: boolean }) {
  const { t, names } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const colors = productColors(product);
  const [picked, setPicked] = useState<string[]>([variant.color]);
  const list = useQuery({
    ...trpc.mockup.list.queryOptions({ canvasId }),
    refetchInterval: (q) => (q.state.data?.some((b) => b.renders.some((r) => isRenderOpen(r.status))) ? 1_000 : 10_000),
  });
  const create = useMutation(
    trpc.mockup.create.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.mockup.list.queryKey({ canvasId }) }),
      onError: (e) => notifications.show({ color: "red", message: e.message }),
    }),
  );
  const variantOf = (id: string) => product.variants.find((v) => v.id === id);
  // A set's renders arrive in no stable order: show them as the catalog lists colours, then areas.
  const rank = (r: { variantId: string; printAreaId: string }) =>
    product.variants.findIndex((v) => v.id === r.variantId) * product.printAreas.length + product.printAreas.findIndex((a) => a.id === r.printAreaId);
  const areaName = (id: string) => names.area(product.printAreas.find((a) => a.id === id)?.name ?? id);

  return (
    <Stack gap="xs" p="sm">
      {canEdit && (
        <>
          <Checkbox.Group label={t("goods.mockups.colors")} value={picked} onChange={setPicked}>
            <Group gap={8} mt={4}>
              {colors.map((c) => (
                <Checkbox key={c.color} value={c.color} label={names.color(c.color)} size="xs" />
              ))}
            </Group>
          </Checkbox.Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPhoto size={14} />}
            disabled={!picked.length}
            loading={create.isPending}
            data-testid="render-mockups"
            onClick={() => create.mutate({ canvasId, variantIds: colors.filter((c) => picked.includes(c.color)).map((c) => product.variants.find((v) => v.color === c.color && v.size === variant.size)?.id ?? c.id) })}
          >
            {t("goods.mockups.create")}
          </Button>
        </>
      )}
      {!list.data?.length && (
        <Text size="xs" c="dimmed">
          {t("goods.mockups.none")}
        </Text>
      )}
      {list.data?.map((batch) => {
        const done = batch.renders.filter((r) => r.status === "succeeded" || r.status === "failed").length;
        return (
          <Stack key={batch.batchId} gap={6} data-testid="mockup-batch" style={{ borderTop: "1px solid var(--mantine-color-gray-2)", paddingTop: 6 }}>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t("goods.mockups.progress", { done, total: batch.renders.length })}
              </Text>
              {done < batch.renders.length && <Loader size={12} />}
            </Group>
            {done < batch.renders.length && <Progress value={(100 * done) / batch.renders.length} size="xs" aria-label={t("goods.mockups.progress", { done, total: batch.renders.length })} />}
            <SimpleGrid cols={2} spacing={6}>
              {[...batch.renders].sort((a, b) => rank(a) - rank(b)).map((r) => {
                const label = `${names.color(variantOf(r.variantId)?.color ?? "")} · ${areaName(r.printAreaId)}`;
                return (
                  <Stack key={r.id} gap={2} data-testid="mockup" data-status={r.status}>
                    {r.url ? (
                      <a href={r.url} target="_blank" rel="noreferrer">
                        <Image src={r.url} alt={label} radius="sm" />
                      </a>
                    ) : (
                      <div style={{ aspectRatio: "1 / 1", borderRadius: 4, background: "var(--mantine-color-gray-1)", display: "grid", placeItems: "center" }}>
                        {r.status === "failed" ? <Badge color="red" size="xs">{t("goods.print.status.failed")}</Badge> : <Loader size={14} />}
                      </div>
                    )}
                    <Text size="10px" c="dimmed" lineClamp={1}>
                      {label}
                    </Text>
                  </Stack>
                );
              })}
            </SimpleGrid>
          </Stack>
        );
      })}
    </Stack>
  );
}
