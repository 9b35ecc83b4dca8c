"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { assetIdFromSrc } from "@/domain/document/assetSource";
import { useTRPC } from "../../_lib/trpc";
import { isVectorType } from "@/domain/design/placement";
import type { ImageSize } from "@/domain/design/preflight";

/**
 * Each of the canvas's images' source size, by the URL shapes show it at (an SVG marked as a
 * vector, which has no DPI of its own): the same for every member. `shown` are the URLs on the canvas now; one the list does not know yet (an image
 * someone just placed) fetches the list again.
 */
export function useImageSizes(canvasId: string, shown: readonly string[]): ReadonlyMap<string, ImageSize> {
  const trpc = useTRPC();
  const assets = useQuery({ ...trpc.asset.list.queryOptions({ canvasId }), staleTime: 5_000 });
  const sizes = useMemo(() => new Map((assets.data ?? []).map((a) => [a.url, { width: a.width, height: a.height, vector: isVectorType(a.contentType) }])), [assets.data]);
  const missing = assets.data && !assets.isFetching && shown.some((src) => assetIdFromSrc(src) !== null && !sizes.has(src));
  const { refetch } = assets;
  useEffect(() => {
    if (missing) void refetch();
  }, [missing, refetch]);
  return sizes;
}
