"use client";

import { useEffect, useState } from "react";
import { closeToGarmentShare, LOW_CONTRAST_SHARE } from "@/domain/design/garmentContrast";
import { useEditorStore } from "../../editor/store/useEditor";

/** Pixels across the bitmap the design is judged from: colours, not detail, matter here. */
const JUDGE_WIDTH = 160;
/** The design is judged again this long after the stage last drew, not on every frame of a drag. */
const SETTLE_MS = 400;

/**
 * The garment colours the design on the artboard nearly vanishes on (most of it close to the
 * garment's colour), judged again as the design changes.
 */
export function useLowContrastColors(colors: readonly { color: string; colorHex: string }[]): ReadonlySet<string> {
  const store = useEditorStore();
  const [low, setLow] = useState<ReadonlySet<string>>(new Set());
  const key = colors.map((c) => `${c.color}:${c.colorHex}`).join(",");

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const judge = () => {
      const art = store.stage.getArtboardSource()?.render(JUDGE_WIDTH);
      const rgba = art && art.width > 0 && art.height > 0 ? art.getContext("2d")!.getImageData(0, 0, art.width, art.height).data : null;
      const next = new Set(rgba ? colors.filter((c) => (closeToGarmentShare(rgba, c.colorHex) ?? 0) > LOW_CONTRAST_SHARE).map((c) => c.color) : []);
      setLow((prev) => (prev.size === next.size && [...next].every((c) => prev.has(c)) ? prev : next));
    };
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(judge, SETTLE_MS);
    };
    const offArtboard = store.stage.followArtboard(soon);
    return () => {
      clearTimeout(timer);
      offArtboard();
    };
    // `key` stands for `colors` (a new array each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key]);
  return low;
}
