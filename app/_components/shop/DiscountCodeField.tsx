"use client";

import { ActionIcon, Badge, Button, Group, TextInput } from "@mantine/core";
import { IconTag, IconX } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";

type Props = {
  country: string;
  /** The code in use (upper case), or null. */
  applied: string | null;
  onApply: (code: string | null) => void;
  /** Why the code in use stopped applying (used up meanwhile), from the summary's quote. */
  problem?: string | null;
  disabled?: boolean;
};

/** Type a code and Apply: the server checks it before it counts, and says why when it does not. */
export function DiscountCodeField({ country, applied, onApply, problem, disabled }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function apply() {
    const code = text.trim();
    if (!code || checking) return;
    setChecking(true);
    setError(null);
    try {
      await queryClient.fetchQuery({ ...trpc.checkout.quote.queryOptions({ country, discountCode: code }), retry: false });
      onApply(code.toUpperCase());
      setText("");
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setChecking(false);
    }
  }

  if (applied)
    return (
      <Group gap="xs" data-testid="discount-applied">
        <Badge size="lg" variant="light" color="teal" leftSection={<IconTag size={14} />} tt="none">
          {t("shop.discount.applied", { code: applied })}
        </Badge>
        <ActionIcon variant="subtle" color="gray" onClick={() => onApply(null)} disabled={disabled} aria-label={t("shop.discount.remove", { code: applied })}>
          <IconX size={16} />
        </ActionIcon>
      </Group>
    );
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        aria-label={t("shop.discount.label")}
        placeholder={t("shop.discount.placeholder")}
        value={text}
        maxLength={32}
        autoCapitalize="characters"
        autoComplete="off"
        onChange={(e) => {
          setText(e.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            void apply();
          }
        }}
        error={error ?? problem ?? undefined}
        disabled={disabled}
      />
      <Button variant="default" onClick={() => void apply()} loading={checking} disabled={disabled || !text.trim()}>
        {t("shop.discount.apply")}
      </Button>
    </Group>
  );
}
