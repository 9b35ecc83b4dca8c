"use client";

import { useEffect, useState } from "react";
import { hasTransparency } from "./checkerboard";

export type LoadedImage = { image: HTMLImageElement; transparent: boolean };

/** The image at `src` once it has loaded, and whether it has see-through pixels. */
export function useLoadedImage(src: string | undefined): LoadedImage | null {
  const [loaded, setLoaded] = useState<LoadedImage | null>(null);
  useEffect(() => {
    if (!src) return;
    const img = new window.Image();
    img.onload = () => setLoaded({ image: img, transparent: hasTransparency(img) });
    img.src = src;
    return () => {
      img.onload = null;
    };
  }, [src]);
  return loaded;
}
