"use client";

import { Box, Indicator } from "@mantine/core";
import { IconShirt } from "@tabler/icons-react";

/** A line's picture in a rounded tile (a shirt outline until its mockup exists); `count` badges the quantity. */
export function ItemThumb({ url, size = 72, count }: { url: string | null; size?: number; count?: number }) {
  const tile = (
    <Box w={size} h={size} style={{ borderRadius: 10, overflow: "hidden", background: "white", boxShadow: "0 0 0 1px var(--mantine-color-gray-3)", display: "flex", alignItems: "center", justifyContent: "center", flex: "none" }}>
      {url ? <img src={url} alt="" width={size} height={size} style={{ objectFit: "cover", display: "block" }} /> : <IconShirt size={size / 2.5} stroke={1.3} color="var(--mantine-color-gray-5)" />}
    </Box>
  );
  if (!count) return tile;
  return (
    <Indicator label={count} size={20} color="gray.7" offset={4} style={{ flex: "none" }}>
      {tile}
    </Indicator>
  );
}
