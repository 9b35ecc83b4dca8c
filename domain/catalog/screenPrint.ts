/** The most spot colours a design may use to be screen printed (one screen per ink); more is full colour. */
export const MAX_SCREEN_INKS = 6;

/** A design's inks as one of: screen-print ready with these inks, or full colour (a raster, a gradient, or too many). */
export type DesignInks = { kind: "spot"; inks: string[] } | { kind: "fullColor"; reason: "raster" | "blend" | "tooMany"; inks: null };

/** Whether a design with these inks can be separated for screen printing. */
export const isScreenPrintable = (inks: DesignInks): inks is Extract<DesignInks, { kind: "spot" }> => inks.kind === "spot" && inks.inks.length > 0;
