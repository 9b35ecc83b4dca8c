"use client";

import { Group, Text } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useI18n } from "../../_i18n/I18nProvider";
import type { ListingColor } from "./listingMedia";
import classes from "./shopControls.module.css";

/** A light colour gets a dark tick, a dark one a white tick (sRGB luma is enough for a tick). */
const isLight = (hex: string) => {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) > 160;
};

/** Colour swatches as a native radio group: arrow keys move between them, each is named "Colour: Black". */
export function ColorRadios({ colors, value, onChange }: { colors: ListingColor[]; value: string; onChange: (color: string) => void }) {
  const { t, names } = useI18n();
  return (
    <fieldset className={classes.fieldset}>
      <legend className={classes.legend}>
        <Text span fw={600} size="sm">
          {t("shop.product.color")}
        </Text>{" "}
        <Text span size="sm" c="dimmed">
          {names.color(value)}
        </Text>
      </legend>
      <Group gap={10} mt={8}>
        {colors.map((c) => (
          <label key={c.color} className={classes.swatch} title={names.color(c.color)}>
            <input className={classes.input} type="radio" name="color" value={c.color} checked={c.color === value} onChange={() => onChange(c.color)} aria-label={t("shop.product.colorNamed", { color: names.color(c.color) })} />
            <span className={classes.swatchFill} style={{ background: c.colorHex }}>
              {c.color === value && <IconCheck size={16} stroke={2.5} color={isLight(c.colorHex) ? "#1d1d1f" : "#ffffff"} />}
            </span>
          </label>
        ))}
      </Group>
    </fieldset>
  );
}
