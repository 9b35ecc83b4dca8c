"use client";

import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { useTRPC } from "../../_lib/trpc";
import type { Generation } from "./generatedImage";

/**
 * The canvas's shared generation queue, live: the first list comes from a query, then every
 * change arrives whole over the event stream (which reconnects by itself).
 */
export function useGenerationQueue(canvasId: string): { generations: Generation[] | undefined; live: boolean; failed: boolean } {
  const trpc = useTRPC();
  const initial = useQuery(trpc.generation.list.queryOptions({ canvasId }));
  const [streamed, setStreamed] = useState<Generation[] | undefined>();
  const sub = useSubscription(trpc.generation.events.subscriptionOptions({ canvasId }, { onData: (list) => setStreamed(list) }));
  return { generations: streamed ?? initial.data, live: sub.status === "pending", failed: initial.isError || sub.status === "error" };
}
