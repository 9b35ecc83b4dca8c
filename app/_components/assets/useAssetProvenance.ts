"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { assetIdFromSrc } from "@/domain/document/assetSource";
import { isGenerated, type AssetProvenance } from "@/domain/provenance";
import { useTRPC } from "../../_lib/trpc";

export type AssetProvenanceState = {
  /** As the worker recorded it; null for an upload, a source that is not an asset, or until loaded. */
  provenance: AssetProvenance | null;
  /** The image came from a prompt: its settings can be shown and reused (not an upload made print-ready). */
  generated: boolean;
  isLoading: boolean;
  isError: boolean;
};

/**
 * How a placed image was made, read from the server by the asset its `src` points at, never from
 * the `provenance` that a collaborator's client wrote into the canvas document (which it could
 * forge). An asset's provenance never changes (print-ready makes a new asset), so it is fetched once.
 */
export function useAssetProvenance(canvasId: string, src: string | null | undefined): AssetProvenanceState {
  const trpc = useTRPC();
  const assetId = assetIdFromSrc(src);
  const query = useQuery(
    trpc.asset.provenance.queryOptions(assetId ? { canvasId, assetId } : skipToken, { staleTime: Infinity, gcTime: 30 * 60_000, retry: false }),
  );
  const provenance = query.data ?? null;
  return { provenance, generated: !!provenance && isGenerated(provenance), isLoading: query.isLoading, isError: query.isError };
}
