"use client";

import { Anchor, Box, Grid } from "@mantine/core";
import { IconBuildingStore } from "@tabler/icons-react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";
import { sizeChartFor } from "@/domain/catalog/sizeCharts";
import { ArtCredits } from "./ArtCredits";
import { MockupGallery } from "./MockupGallery";
import { ProductBuyBox } from "./ProductBuyBox";
import { ShopFrame, type ShopUser } from "./ShopFrame";
import { SizeChart } from "./SizeChart";
import { openingColor, rendersPending, shotsFor } from "./listingMedia";
import type { Listing } from "./shopTypes";

/** A published product: its pictures, and everything needed to put it in the cart. Polls while its mockups render. */
export function ProductView({ initial, user }: { initial: Listing; user: ShopUser }) {
  const { t, names } = useI18n();
  const trpc = useTRPC();
  const { data: listing } = useQuery(
    trpc.listing.get.queryOptions({ slug: initial.slug }, { initialData: initial, refetchInterval: (q) => (q.state.data && rendersPending(q.state.data) ? 3000 : false) }),
  );
  const [color, setColor] = useState(() => openingColor(initial));
  const shots = shotsFor(listing, color);
  const chart = sizeChartFor(listing.product.id, [...new Set(listing.variants.map((v) => v.size))]);
  return (
    <ShopFrame user={user}>
      <Grid gap={{ base: "lg", md: 48 }}>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <MockupGallery shots={shots} color={color} alt={(area) => t("shop.gallery.alt", { title: listing.title, product: names.product(listing.product), color: names.color(color), area })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ProductBuyBox listing={listing} color={color} onColor={setColor} imageUrl={shots.find((s) => s.url)?.url ?? null} />
          {chart && (
            <Box mt="lg">
              <SizeChart rows={chart} />
            </Box>
          )}
          <ArtCredits credits={listing.credits} />
          {listing.seller && (
            <Anchor component={Link} href={`/shop/${listing.seller.id}`} size="sm" mt="md" display="inline-flex" style={{ alignItems: "center", gap: 6 }} data-testid="seller-shop">
              <IconBuildingStore size={16} aria-hidden />
              {t("shop.store.moreFrom", { name: listing.seller.name })}
            </Anchor>
          )}
        </Grid.Col>
      </Grid>
    </ShopFrame>
  );
}
