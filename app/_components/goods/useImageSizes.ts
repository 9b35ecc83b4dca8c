"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { assetIdFromSrc } from "@/domain/document/assetSource";
import { useTRPC } from "../../_lib/trpc";
import type { ImageSize } from "./preflight";

/**
 * Each of the canvas's images' source size, by the URL shapes show it at: the same for every
 * member. `shown` are the URLs on the canvas now; one the list does not know yet (an image
 * someone just placed) fetches the list again.
 */
export function useImageSizes(canvasId: string, shown: readonly string[]): ReadonlyMap<string, ImageSize> {
  const trpc = useTRPC();
  const assets = useQuery({ ...trpc.asset.list.queryOptions({ canvasId }), staleTime: 5_000 });
  const sizes = useMemo(() => new Map((assets.data ?? []).map((a) => [a.url, { width: a.width, height: a.height }])), [assets.data]);
  const missing = assets.data && !assets.isFetching && shown.some((src) => assetIdFromSrc(src) !== null && !sizes.has(src));
  const { refetch } = assets;
  useEffect(() => {
    if (missing) void refetch();
  }, [missing, refetch]);
  return sizes;
}
