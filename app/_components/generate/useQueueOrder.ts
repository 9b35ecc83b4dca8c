"use client";

import { useMutation } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../../_lib/trpc";
import type { Generation } from "./generatedImage";

type Move = { earlier: (() => void) | null; later: (() => void) | null };

/**
 * The owner's hold on the canvas's queue: pause or resume it, and move a waiting generation one
 * place earlier or later (within the places the canvas holds in the shared line). `generations`
 * is undefined for anyone but the owner, who then gets no controls.
 */
export function useQueueOrder(canvasId: string, generations: Generation[] | undefined, onError: (e: unknown) => void) {
  const trpc = useTRPC();
  const reorder = useMutation(trpc.generation.reorder.mutationOptions({ onError }));
  const pause = useMutation(trpc.generation.setQueuePaused.mutationOptions({ onError }));
  const waiting = useMemo(() => (generations ?? []).filter((g) => g.status === "queued"), [generations]);
  const paused = waiting.some((g) => g.paused);
  // The order they will run in: the places everyone sees.
  const line = useMemo(() => waiting.filter((g) => g.position !== null).sort((a, b) => a.position! - b.position!), [waiting]);

  const swap = (i: number, j: number) => {
    const ids = line.map((g) => g.id);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    reorder.mutate({ canvasId, ids });
  };
  const moveOf = (id: string): Move | undefined => {
    if (!generations || paused || line.length < 2 || reorder.isPending) return undefined;
    const i = line.findIndex((g) => g.id === id);
    if (i < 0) return undefined;
    return { earlier: i > 0 ? () => swap(i, i - 1) : null, later: i < line.length - 1 ? () => swap(i, i + 1) : null };
  };
  return {
    canPause: !!generations && waiting.length > 0,
    paused,
    pausing: pause.isPending,
    togglePause: () => pause.mutate({ canvasId, paused: !paused }),
    moveOf,
  };
}
