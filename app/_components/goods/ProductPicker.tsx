"use client";

import { Modal, SimpleGrid, Stack, Text, UnstyledButton } from "@mantine/core";
import type { Product } from "@/domain/catalog/catalog";
import { useI18n } from "../../_i18n/I18nProvider";
import { ProductThumb } from "./ProductThumb";
import { useBasePrice } from "./useBasePrice";

type Props = { opened: boolean; onClose: () => void; products: Product[]; currentId: string | null; onPick: (product: Product) => void };

/** Every product as a card: its picture, name, starting price and how many print areas it has. */
export function ProductPicker({ opened, onClose, products, currentId, onPick }: Props) {
  const { t, price, names } = useI18n();
  const fromPrice = useBasePrice();
  return (
    <Modal opened={opened} onClose={onClose} title={t("goods.pickerTitle")} size="xl" centered>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
        {products.map((p) => (
          <UnstyledButton
            key={p.id}
            onClick={() => onPick(p)}
            aria-pressed={p.id === currentId}
            data-testid={`product-${p.id}`}
            p={8}
            style={{ borderRadius: 10, border: `2px solid ${p.id === currentId ? "var(--mantine-color-violet-5)" : "var(--mantine-color-gray-2)"}` }}
          >
            <Stack gap={6} align="center">
              <ProductThumb product={p} colorHex={p.variants[0]?.colorHex ?? "#ffffff"} size={140} />
              <Text size="sm" fw={600} ta="center">
                {names.product(p)}
              </Text>
              <Text size="xs" c="dimmed" ta="center">
                {t("goods.from", { price: fromPrice(p) })}
                {p.printAreas.length > 1 ? ` · ${t("goods.sides", { count: p.printAreas.length })}` : ""}
              </Text>
            </Stack>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Modal>
  );
}
