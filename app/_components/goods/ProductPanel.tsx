"use client";

import { Box, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconShirt } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { Product, Variant } from "@/domain/catalog/catalog";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";
import { useEditor } from "../editor/store/useEditor";
import { ColorPicker } from "./ColorPicker";
import { MockupPreview } from "./MockupPreview";
import { ProductPicker } from "./ProductPicker";
import { useCatalog, type CanvasProduct } from "./useCanvasProduct";
import { useBasePrice } from "./useBasePrice";

type Props = { canvasId: string; bound: CanvasProduct; canEdit: boolean; studio?: ReactNode };

/** The live mockup's side while something is selected: small, so the selection's properties have the room. */
const COMPACT_PREVIEW = 88;

/**
 * The product the canvas designs: its live mockup, colour and a way to change it, and the way into
 * the studio (`studio`); or an invitation to pick one. While something is selected the mockup
 * shrinks beside the product's name, so it stays in view above the properties.
 */
export function ProductPanel({ canvasId, bound, canEdit, studio }: Props) {
  const { t, price, names } = useI18n();
  const fromPrice = useBasePrice();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const products = useCatalog() ?? [];
  const area = useEditor((s) => s.area);
  const compact = useEditor((s) => s.selection.size > 0);
  const [picking, setPicking] = useState(false);
  const setProduct = useMutation(
    trpc.canvas.setProduct.mutationOptions({
      onSuccess: (canvas) => queryClient.setQueryData(trpc.canvas.get.queryKey({ id: canvasId }), canvas),
      onError: (e) => notifications.show({ color: "red", message: e.message }),
    }),
  );
  const bind = (product: Product, variant: Variant) => setProduct.mutate({ id: canvasId, productId: product.id, variantId: variant.id });

  const picker = (
    <ProductPicker
      opened={picking}
      onClose={() => setPicking(false)}
      products={products}
      currentId={bound?.product.id ?? null}
      onPick={(p) => {
        setPicking(false);
        const sameColor = bound && p.variants.find((v) => v.color === bound.variant.color);
        bind(p, sameColor ?? p.variants[0]!);
      }}
    />
  );

  if (!bound || !area) {
    return (
      <Stack gap={8}>
        <Group gap={6}>
          <IconShirt size={16} color="var(--mantine-color-violet-6)" />
          <Text size="sm" fw={600}>
            {t("goods.freeArtboard")}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t("goods.freeArtboardHint")}
        </Text>
        {canEdit && (
          <Button size="xs" variant="light" onClick={() => setPicking(true)} data-testid="choose-product">
            {t("goods.choose")}
          </Button>
        )}
        {picker}
      </Stack>
    );
  }

  const { product, variant } = bound;
  const changeButton = canEdit && (
    <Button size="compact-xs" variant="default" mt={compact ? 6 : 0} onClick={() => setPicking(true)} data-testid="change-product">
      {t("goods.change")}
    </Button>
  );
  const preview = <MockupPreview product={product} colorHex={variant.colorHex} area={area} label={t("goods.mockupOf", { product: names.product(product), color: names.color(variant.color), area: names.area(area.name) })} />;
  return (
    <Stack gap={8}>
      {!compact && preview}
      <Group justify="space-between" wrap="nowrap" gap={8}>
        {compact && (
          <Box w={COMPACT_PREVIEW} style={{ flexShrink: 0 }}>
            {preview}
          </Box>
        )}
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={600} lineClamp={1} data-testid="product-name">
            {names.product(product)}
          </Text>
          <Text size="xs" c="dimmed">
            {t("goods.from", { price: fromPrice(product) })} · {t("goods.colorNamed", { color: names.color(variant.color) })}
          </Text>
          {/* Beside the small mockup there is no room for the button on the right: it goes under the name. */}
          {compact && changeButton}
        </div>
        {!compact && changeButton}
      </Group>
      <ColorPicker product={product} variant={variant} disabled={!canEdit || setProduct.isPending} onPick={(v) => bind(product, v)} label={(color) => t("goods.colorNamed", { color })} />
      {studio}
      {picker}
    </Stack>
  );
}
