"use client";

import { Button, Card, Grid, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { minorDigits } from "@/domain/shop/money";
import { SHOP_CURRENCIES, type ShopCurrency } from "@/domain/shop/shipping";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage, fieldErrors } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";

const EMPTY = { code: "", kind: "percent" as "percent" | "fixed", value: "" as number | string, currency: "USD" as ShopCurrency, listingId: null as string | null, maxUses: "" as number | string, expiresAt: "" };

/** A new code's terms: what it takes off, on what, how often and until when. */
export function NewDiscountForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [form, setForm] = useState(EMPTY);
  const listings = useQuery(trpc.discount.listings.queryOptions());
  const create = useMutation(
    trpc.discount.create.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("shopAdmin.discounts.created", { code: form.code.trim().toUpperCase() }) });
        setForm(EMPTY);
        onCreated();
      },
    }),
  );
  const problems = fieldErrors(create.error);
  const listing = listings.data?.find((l) => l.id === form.listingId);
  // A fixed amount on one product is in that product's currency.
  const currency = listing ? (listing.currency as ShopCurrency) : form.currency;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const fixed = form.kind === "fixed";
    create.mutate({
      code: form.code,
      kind: form.kind,
      value: fixed ? Math.round(Number(form.value) * 10 ** minorDigits(currency)) : Number(form.value),
      currency: fixed ? currency : null,
      listingId: form.listingId,
      maxUses: form.maxUses === "" ? null : Number(form.maxUses),
      // The browser's local time, as the admin typed it.
      expiresAt: form.expiresAt ? new Date(form.expiresAt) : null,
    });
  };

  return (
    <Card withBorder radius="lg" p="lg" component="form" onSubmit={submit} noValidate aria-labelledby="new-code-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="new-code-title">
          {t("shopAdmin.discounts.new")}
        </Title>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <TextInput label={t("shopAdmin.discounts.code")} description={t("shopAdmin.discounts.codeHint")} withAsterisk value={form.code} onChange={(e) => setForm({ ...form, code: e.currentTarget.value })} error={problems.code} maxLength={32} styles={{ input: { textTransform: "uppercase", fontFamily: "var(--mantine-font-family-monospace)" } }} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Text size="sm" fw={500} mb={4}>
              {t("shopAdmin.discounts.kind")}
            </Text>
            <SegmentedControl
              fullWidth
              value={form.kind}
              onChange={(kind) => setForm({ ...form, kind: kind as "percent" | "fixed", value: "" })}
              data={[
                { value: "percent", label: t("shopAdmin.discounts.percent") },
                { value: "fixed", label: t("shopAdmin.discounts.fixed") },
              ]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Grid gap="xs">
              <Grid.Col span={form.kind === "fixed" && !listing ? 7 : 12}>
                <NumberInput
                  label={t("shopAdmin.discounts.value")}
                  withAsterisk
                  value={form.value}
                  onChange={(value) => setForm({ ...form, value })}
                  min={0}
                  max={form.kind === "percent" ? 100 : undefined}
                  allowNegative={false}
                  decimalScale={form.kind === "percent" ? 0 : minorDigits(currency)}
                  suffix={form.kind === "percent" ? " %" : undefined}
                  prefix={form.kind === "fixed" ? (currency === "KRW" ? "₩" : "$") : undefined}
                  thousandSeparator=","
                  error={problems.value}
                />
              </Grid.Col>
              {form.kind === "fixed" && !listing && (
                <Grid.Col span={5}>
                  <Select label={t("shopAdmin.discounts.currency")} data={[...SHOP_CURRENCIES]} value={form.currency} onChange={(c) => c && setForm({ ...form, currency: c as ShopCurrency })} allowDeselect={false} error={problems.currency} />
                </Grid.Col>
              )}
            </Grid>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t("shopAdmin.discounts.scope")}
              placeholder={t("shopAdmin.discounts.wholeShop")}
              data={(listings.data ?? []).map((l) => ({ value: l.id, label: `${l.title} (${l.currency})` }))}
              value={form.listingId}
              onChange={(listingId) => setForm({ ...form, listingId })}
              searchable
              clearable
              nothingFoundMessage={t("shopAdmin.discounts.noProduct")}
              error={problems.listingId}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <NumberInput label={t("shopAdmin.discounts.maxUses")} placeholder={t("shopAdmin.discounts.unlimited")} value={form.maxUses} onChange={(maxUses) => setForm({ ...form, maxUses })} min={1} allowNegative={false} allowDecimal={false} error={problems.maxUses} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <TextInput type="datetime-local" label={t("shopAdmin.discounts.expiresAt")} description={t("shopAdmin.discounts.expiresHint")} value={form.expiresAt} onChange={(e) => setForm({ ...form, expiresAt: e.currentTarget.value })} error={problems.expiresAt} />
          </Grid.Col>
        </Grid>
        {create.error && !Object.keys(problems).length && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(create.error, t)}
          </Text>
        )}
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending} style={{ alignSelf: "flex-end" }} disabled={!form.code.trim() || form.value === ""}>
          {t("shopAdmin.discounts.create")}
        </Button>
      </Stack>
    </Card>
  );
}
