"use client";

import { useEffect, useState } from "react";

/**
 * Canvas text draws with whatever faces are loaded when it is drawn, and a web font's faces load
 * only when something asks for them (Korean comes in many small slices). Asks for the faces
 * `text` needs in `family`, and returns a number that changes once they are in: a key that makes
 * the Konva text draw again.
 */
export function useFontsFor(family: string, text: string): number {
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    document.fonts.load(`12px ${family}`, text).then(
      () => live && setLoaded((n) => n + 1),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [family, text]);
  return loaded;
}
