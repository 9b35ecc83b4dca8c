"use client";

import { Button, Drawer, Tabs } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconBuildingStore, IconPhoto } from "@tabler/icons-react";
import { useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { MockupsPanel } from "./MockupsPanel";
import { PrintFilesPanel } from "./PrintFilesPanel";
import { SellPanel } from "./SellPanel";
import type { CanvasProduct } from "./useCanvasProduct";

type Props = { canvasId: string; canvasName: string; bound: NonNullable<CanvasProduct>; isOwner: boolean; canEdit: boolean };

/**
 * Where a design becomes goods: selling it (owners), HQ mockups and print files, in a wide drawer
 * beside the canvas, each with the whole height it needs rather than a strip of the side panel.
 */
export function ProductStudio({ canvasId, canvasName, bound, isOwner, canEdit }: Props) {
  const { t, names } = useI18n();
  const narrow = useMediaQuery("(max-width: 48em)") ?? false;
  const [opened, setOpened] = useState(false);
  const [tab, setTab] = useState<string | null>(isOwner ? "sell" : "mockups");
  return (
    <>
      <Button
        fullWidth
        size="xs"
        variant={isOwner ? "filled" : "light"}
        leftSection={isOwner ? <IconBuildingStore size={15} /> : <IconPhoto size={15} />}
        onClick={() => setOpened(true)}
        data-testid="open-studio"
      >
        {t(isOwner ? "goods.studio.openOwner" : "goods.studio.open")}
      </Button>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        position="right"
        size={narrow ? "100%" : 560}
        title={t("goods.studio.title", { product: names.product(bound.product) })}
        overlayProps={{ backgroundOpacity: 0.15 }}
        styles={{ body: { paddingLeft: 0, paddingRight: 0 } }}
      >
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List grow px="sm">
            {isOwner && <Tabs.Tab value="sell">{t("shopAdmin.tab.sell")}</Tabs.Tab>}
            <Tabs.Tab value="mockups">{t("goods.tab.mockups")}</Tabs.Tab>
            <Tabs.Tab value="print">{t("goods.tab.print")}</Tabs.Tab>
          </Tabs.List>
          {isOwner && (
            <Tabs.Panel value="sell" px="xs">
              <SellPanel canvasId={canvasId} canvasName={canvasName} bound={bound} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="mockups" px="xs">
            <MockupsPanel key={bound.product.id} canvasId={canvasId} product={bound.product} variant={bound.variant} canEdit={canEdit} />
          </Tabs.Panel>
          <Tabs.Panel value="print" px="xs">
            <PrintFilesPanel canvasId={canvasId} product={bound.product} canEdit={canEdit} />
          </Tabs.Panel>
        </Tabs>
      </Drawer>
    </>
  );
}
