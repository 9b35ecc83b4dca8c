"use client";

import { CheckIcon, ColorSwatch, Group, Tooltip } from "@mantine/core";
import { productColors, type Product, type Variant } from "@/domain/catalog/catalog";
import { luminance } from "@/domain/mockup/art/paint";
import { useI18n } from "../../_i18n/I18nProvider";

type Props = { product: Product; variant: Variant; disabled: boolean; onPick: (variant: Variant) => void; label: (color: string) => string };

/**
 * One swatch per colour of the product. Picking a colour keeps the size when that colour comes in
 * it; otherwise the colour's first size.
 */
export function ColorPicker({ product, variant, disabled, onPick, label }: Props) {
  const { names } = useI18n();
  return (
    <Group gap={6} role="radiogroup">
      {productColors(product).map((c) => {
        const checked = c.color === variant.color;
        const pick = product.variants.find((v) => v.color === c.color && v.size === variant.size) ?? c;
        return (
          <Tooltip key={c.color} label={names.color(c.color)}>
            <ColorSwatch
              component="button"
              role="radio"
              aria-checked={checked}
              aria-label={label(names.color(c.color))}
              disabled={disabled}
              color={c.colorHex}
              size={26}
              onClick={() => !checked && onPick(pick)}
              style={{ cursor: disabled ? "default" : "pointer", boxShadow: checked ? "0 0 0 2px white, 0 0 0 4px var(--mantine-color-violet-5)" : "inset 0 0 0 1px rgba(0,0,0,0.15)" }}
            >
              {checked && <CheckIcon style={{ width: 10, height: 10, color: luminance(c.colorHex) > 0.6 ? "#222" : "#fff" }} />}
            </ColorSwatch>
          </Tooltip>
        );
      })}
    </Group>
  );
}
