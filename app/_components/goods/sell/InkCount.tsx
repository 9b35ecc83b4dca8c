"use client";

import { Badge, Group, Tooltip } from "@mantine/core";
import { IconPalette } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useTRPC } from "../../../_lib/trpc";

/** How many inks the design prints with: spot colours for screen printing, or full colour. */
export function InkCount({ canvasId }: { canvasId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const inks = useQuery({ ...trpc.printFile.inks.queryOptions({ canvasId }), refetchInterval: 15_000 });
  const data = inks.data;
  if (!data || data.kind === "empty") return null;
  if (data.kind === "fullColor") {
    const why = { raster: t("goods.inks.fullColorRaster"), blend: t("goods.inks.fullColorBlend"), tooMany: t("goods.inks.fullColorTooMany", { max: data.maxInks }) }[data.reason];
    return (
      <Tooltip label={why} multiline w={260}>
        <Badge variant="light" color="gray" leftSection={<IconPalette size={12} />} data-testid="ink-count" data-kind="fullColor">
          {t("goods.inks.fullColor")}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Group gap={6} wrap="wrap" data-testid="ink-count" data-kind="spot" data-inks={data.inks.length}>
      <Badge variant="light" color="teal" leftSection={<IconPalette size={12} />}>
        {t("goods.inks.count", { count: data.inks.length })}
      </Badge>
      <Group gap={3}>
        {data.inks.map((ink) => (
          <Tooltip key={ink} label={ink}>
            <span role="img" aria-label={t("goods.inks.swatch", { ink })} style={{ width: 14, height: 14, borderRadius: 7, background: ink, border: "1px solid var(--mantine-color-gray-4)", display: "inline-block" }} />
          </Tooltip>
        ))}
      </Group>
    </Group>
  );
}
