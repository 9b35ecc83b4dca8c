"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../_lib/trpc";

/** The shopper's cart and its changes; every change answers with the whole cart, which replaces the cached one. */
export function useCart() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cart = useQuery(trpc.cart.get.queryOptions());
  const onSuccess = (next: NonNullable<typeof cart.data>) => queryClient.setQueryData(trpc.cart.get.queryKey(), next);
  const add = useMutation(trpc.cart.add.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.cart.update.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.cart.remove.mutationOptions({ onSuccess }));
  return { cart, add, update, remove };
}
