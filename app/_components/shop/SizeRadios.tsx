"use client";

import { Group, Text } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import classes from "./shopControls.module.css";

/** Sizes as a native radio group named "Size: M"; sizes the chosen colour does not come in are shown but off. */
export function SizeRadios({ sizes, offered, value, onChange, error }: { sizes: string[]; offered: string[]; value: string | null; onChange: (size: string) => void; error?: string | null }) {
  const { t } = useI18n();
  return (
    <fieldset className={classes.fieldset} aria-describedby={error ? "size-error" : undefined}>
      <legend className={classes.legend}>
        <Text span fw={600} size="sm">
          {t("shop.product.size")}
        </Text>
      </legend>
      <Group gap={8} mt={8}>
        {sizes.map((size) => {
          const available = offered.includes(size);
          return (
            <label key={size} className={classes.sizeChip} data-disabled={!available || undefined}>
              <input className={classes.input} type="radio" name="size" value={size} checked={size === value} disabled={!available} onChange={() => onChange(size)} aria-label={t("shop.product.sizeNamed", { size })} />
              <span aria-hidden>{size}</span>
            </label>
          );
        })}
      </Group>
      {error && (
        <Text id="size-error" size="sm" c="red" mt={6} role="alert">
          {error}
        </Text>
      )}
    </fieldset>
  );
}
