"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type * as Y from "yjs";
import type { Product, Variant } from "@/domain/catalog/catalog";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { useTRPC } from "../../_lib/trpc";

export type CanvasProduct = { product: Product; variant: Variant } | null;

/** The catalog, read once per page: it changes only with a release. */
export function useCatalog(): Product[] | undefined {
  const trpc = useTRPC();
  return useQuery({ ...trpc.catalog.products.queryOptions(), staleTime: Number.POSITIVE_INFINITY }).data;
}

/**
 * The canvas's product and colour. The server announces every change in the document's `meta`
 * map; hearing it, we ask the server again (the database is the truth, the document only a signal).
 */
export function useCanvasProduct(canvasId: string, doc: Y.Doc | null): CanvasProduct {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalog = useCatalog();
  const canvas = useQuery(trpc.canvas.get.queryOptions({ id: canvasId }));
  useEffect(() => {
    if (!doc) return;
    const { meta } = canvasDoc(doc);
    const onChange = () => void queryClient.invalidateQueries({ queryKey: trpc.canvas.get.queryKey({ id: canvasId }) });
    meta.observe(onChange);
    return () => meta.unobserve(onChange);
  }, [doc, queryClient, trpc, canvasId]);
  const binding = canvas.data?.product;
  return useMemo(() => {
    const product = binding && catalog?.find((p) => p.id === binding.productId);
    const variant = product?.variants.find((v) => v.id === binding?.variantId);
    return product && variant ? { product, variant } : null;
  }, [binding, catalog]);
}

/** The artboard's colour: the goods' own for cloth, mugs and cases; paper is white. */
export function artboardColor(bound: CanvasProduct): string {
  if (!bound) return "#ffffff";
  return bound.product.kind === "poster" || bound.product.kind === "stickers" ? "#ffffff" : bound.variant.colorHex;
}
