"use client";

import { Alert, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { InkCount } from "./sell/InkCount";
import { ListingStatus } from "./sell/ListingStatus";
import { SellForm } from "./sell/SellForm";
import { rendering } from "./sell/types";
import type { CanvasProduct } from "./useCanvasProduct";
import { usePreflight } from "./usePreflight";

type Props = { canvasId: string; canvasName: string; bound: NonNullable<CanvasProduct> };

/** The owner's Sell tab: the listing as it is on sale, and the form that publishes the design (again). */
export function SellPanel({ canvasId, canvasName, bound }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const issues = usePreflight(canvasId, bound);
  const listing = useQuery({
    ...trpc.listing.ofCanvas.queryOptions({ canvasId }),
    refetchInterval: (q) => (rendering(q.state.data) ? 1_500 : false),
  });
  // Publishing is pressed at the form's foot; what it made (the public link) is shown at the top.
  const status = useRef<HTMLDivElement>(null);
  const version = listing.isSuccess ? (listing.data?.version ?? 0) : null;
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (version === null) return;
    if (seen.current !== null && version !== seen.current) status.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    seen.current = version;
  }, [version]);

  return (
    // Korean wraps between words, not inside them, in this narrow panel.
    <Stack gap="md" p="sm" data-testid="sell-panel">
      <div>
        <Title order={3} size="h5">
          {t("shopAdmin.sell.heading")}
        </Title>
        <Text size="xs" c="dimmed">
          {t("shopAdmin.sell.intro")}
        </Text>
      </div>
      <InkCount canvasId={canvasId} />
      {listing.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {listing.isError && (
        <Alert color="red" variant="light" p="xs">
          <Text size="xs">{errorMessage(listing.error, t)}</Text>
        </Alert>
      )}
      <div ref={status}>{listing.data && <ListingStatus canvasId={canvasId} listing={listing.data} />}</div>
      {listing.isSuccess && (
        // A new version (or a product change) starts the form from what is on sale now.
        <SellForm key={`${bound.product.id}-${listing.data?.version ?? 0}`} canvasId={canvasId} product={bound.product} listing={listing.data ?? null} defaultTitle={canvasName} issues={issues} />
      )}
    </Stack>
  );
}
