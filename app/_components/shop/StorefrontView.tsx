"use client";

import { Anchor, AspectRatio, Card, Image, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconBuildingStore, IconPhoto } from "@tabler/icons-react";
import Link from "next/link";
import { productPath } from "@/domain/shop/productPath";
import type { StorefrontItem } from "@/server/services/shop/storefront";
import { useI18n } from "../../_i18n/I18nProvider";
import { EmptyState } from "./EmptyState";
import { ShopFrame, type ShopUser } from "./ShopFrame";

type Props = { user: ShopUser; items: StorefrontItem[]; seller: { id: string; name: string } | null };

/** The products on sale as a grid of cards: the whole shop, or one seller's shop page. */
export function StorefrontView({ user, items, seller }: Props) {
  const { t, price, names } = useI18n();
  return (
    <ShopFrame user={user}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 26, sm: 32 }}>
            {seller ? t("shop.store.sellerTitle", { name: seller.name }) : t("shop.store.title")}
          </Title>
          <Text c="dimmed">{seller ? t("shop.store.sellerSubtitle", { count: items.length }) : t("shop.store.subtitle")}</Text>
        </Stack>
        {items.length === 0 ? (
          <EmptyState icon={<IconBuildingStore size={32} />} title={t("shop.store.empty")} action={{ label: t("shop.cart.browse"), href: "/" }} />
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing={{ base: "sm", sm: "lg" }} data-testid="storefront">
            {items.map((item) => (
              <Card key={item.slug} component={Link} href={productPath(item.slug)} radius="lg" withBorder padding="sm" data-testid="storefront-item">
                <Card.Section>
                  <AspectRatio ratio={1}>
                    {item.imageUrl ? (
                      <Image src={item.imageUrl} alt={item.title} fit="cover" bg="gray.1" />
                    ) : (
                      <Stack align="center" justify="center" bg="gray.1" c="gray.5" aria-hidden>
                        <IconPhoto size={32} />
                      </Stack>
                    )}
                  </AspectRatio>
                </Card.Section>
                <Stack gap={2} mt="sm">
                  <Text fw={600} lineClamp={2}>
                    {item.title}
                  </Text>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {names.product({ id: item.productId, name: item.productName })}
                    {!seller && item.seller ? ` · ${item.seller.name}` : ""}
                  </Text>
                  <Text fw={700} mt={4}>
                    {price(item.price, item.currency)}
                  </Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
        {seller && (
          <Anchor component={Link} href="/shop" size="sm">
            {t("shop.store.all")}
          </Anchor>
        )}
      </Stack>
    </ShopFrame>
  );
}
