"use client";

import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconShoppingBagPlus } from "@tabler/icons-react";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { AddedToCartDrawer, type AddedItem } from "./AddedToCartDrawer";
import { ColorRadios } from "./ColorRadios";
import { QuantityStepper } from "./QuantityStepper";
import { ShippingRuleNote } from "./ShippingRuleNote";
import { SizeRadios } from "./SizeRadios";
import { StockBadge } from "./StockBadge";
import { listingColors } from "./listingMedia";
import type { Listing } from "./shopTypes";
import { useCart } from "./useCart";

type Props = { listing: Listing; color: string; onColor: (color: string) => void; imageUrl: string | null };

/** Title, price, colour, size, quantity and Add to cart. */
export function ProductBuyBox({ listing, color, onColor, imageUrl }: Props) {
  const { t, price, names } = useI18n();
  const { cart, add } = useCart();
  const sizes = [...new Set(listing.variants.map((v) => v.size))];
  const offered = listing.variants.filter((v) => v.color === color).map((v) => v.size);
  const [size, setSize] = useState<string | null>(sizes.length === 1 ? sizes[0]! : null);
  const [sizeError, setSizeError] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<AddedItem | null>(null);
  const soldOut = listing.stockLeft !== null && listing.stockLeft <= 0;
  const maxQuantity = Math.min(100, listing.stockLeft ?? 100);
  const chosenSize = size && offered.includes(size) ? size : null;

  function addToCart() {
    const variant = listing.variants.find((v) => v.color === color && v.size === chosenSize);
    if (!variant) {
      setSizeError(t("shop.product.chooseSize"));
      return;
    }
    add.mutate(
      { listingId: listing.id, variantId: variant.id, quantity },
      {
        onSuccess: () => setAdded({ title: listing.title, color, size: variant.size, quantity, imageUrl }),
        onError: (e) => notifications.show({ color: "red", message: errorMessage(e, t) }),
      },
    );
  }

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.6 }}>
          {names.product(listing.product)}
        </Text>
        <Title order={1} fz={{ base: 26, sm: 34 }} lh={1.15}>
          {listing.title}
        </Title>
        <Group gap="sm" mt={4}>
          <Text fz={24} fw={700} data-testid="price">
            {price(listing.price, listing.currency)}
          </Text>
          <StockBadge stockLeft={listing.stockLeft} stockTotal={listing.stockTotal} />
        </Group>
      </Stack>
      <ColorRadios colors={listingColors(listing)} value={color} onChange={onColor} />
      <SizeRadios
        sizes={sizes}
        offered={offered}
        value={chosenSize}
        error={sizeError}
        onChange={(s) => {
          setSize(s);
          setSizeError(null);
        }}
      />
      <Stack gap={8}>
        <Text fw={600} size="sm" id="quantity-label">
          {t("shop.quantity.label")}
        </Text>
        <Group gap="sm" wrap="nowrap" align="stretch">
          <QuantityStepper value={quantity} max={maxQuantity} onChange={setQuantity} label={t("shop.quantity.label")} disabled={soldOut} />
          <Button size="md" h={44} style={{ flex: 1 }} leftSection={<IconShoppingBagPlus size={20} />} onClick={addToCart} loading={add.isPending} disabled={soldOut}>
            {soldOut ? t("shop.stock.soldOut") : t("shop.product.addToCart")}
          </Button>
        </Group>
      </Stack>
      <ShippingRuleNote currency={listing.currency} />
      {listing.description && (
        <Text style={{ whiteSpace: "pre-wrap" }} lh={1.6}>
          {listing.description}
        </Text>
      )}
      <AddedToCartDrawer added={added} cart={cart.data} onClose={() => setAdded(null)} />
    </Stack>
  );
}
