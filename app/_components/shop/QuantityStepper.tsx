"use client";

import { ActionIcon, Group, TextInput } from "@mantine/core";
import { IconMinus, IconPlus } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import classes from "./shopControls.module.css";

type Props = { value: number; max: number; onChange: (n: number) => void; label: string; disabled?: boolean; size?: "sm" | "md" };

/** − n +, with the number typeable; a typed number commits on blur or Enter, clamped to 1…max. */
export function QuantityStepper({ value, max, onChange, label, disabled, size = "md" }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const commit = (n: number) => {
    const clamped = Math.min(Math.max(Number.isFinite(n) ? Math.round(n) : value, 1), Math.max(max, 1));
    setDraft(String(clamped));
    if (clamped !== value) onChange(clamped);
  };
  const h = size === "md" ? 44 : 36;
  return (
    <Group gap={0} wrap="nowrap" style={{ border: "1px solid var(--mantine-color-gray-4)", borderRadius: "var(--mantine-radius-md)", background: "white", height: h, width: "fit-content" }}>
      <ActionIcon variant="subtle" color="gray.8" size={h - 2} className={classes.step} onClick={() => commit(value - 1)} disabled={disabled || value <= 1} aria-label={t("shop.quantity.decrease")}>
        <IconMinus size={16} />
      </ActionIcon>
      <TextInput
        aria-label={label}
        value={draft}
        disabled={disabled}
        inputMode="numeric"
        variant="unstyled"
        w={size === "md" ? 44 : 36}
        styles={{ input: { textAlign: "center", fontWeight: 600, height: h - 2, minHeight: 0, padding: 0 } }}
        onChange={(e) => setDraft(e.currentTarget.value.replace(/\D/g, "").slice(0, 3))}
        onBlur={() => commit(Number(draft))}
        onKeyDown={(e) => e.key === "Enter" && commit(Number(draft))}
      />
      <ActionIcon variant="subtle" color="gray.8" size={h - 2} className={classes.step} onClick={() => commit(value + 1)} disabled={disabled || value >= max} aria-label={t("shop.quantity.increase")}>
        <IconPlus size={16} />
      </ActionIcon>
    </Group>
  );
}
