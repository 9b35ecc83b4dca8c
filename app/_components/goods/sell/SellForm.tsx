"use client";

import { Alert, Button, Checkbox, ColorSwatch, Group, NumberInput, SegmentedControl, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconRocket } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Product } from "@/domain/catalog/catalog";
import { SHOP_CURRENCIES } from "@/domain/shop/shipping";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage, fieldErrors } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { problemCode, unconfirmedProblems, type Issue } from "@/domain/design/preflight";
import { confirmPublish } from "./confirmPublish";
import { currencySymbol, toMajor, toMinor } from "./money";
import { PreflightWarning } from "./PreflightWarning";
import type { CanvasListing } from "./types";
import { useLowContrastColors } from "./useLowContrastColors";
import { choiceOf, chosenVariantIds, colorsAndSizes } from "./variantChoice";

type Props = { canvasId: string; product: Product; listing: CanvasListing | null; defaultTitle: string; issues: Issue[] };

/** What goes on sale: title, words, price, colours and sizes, a limited edition; then Publish. */
export function SellForm({ canvasId, product, listing, defaultTitle, issues }: Props) {
  const { t, price, locale, names } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = colorsAndSizes(product);
  // A listing of another product (the canvas changed product since) fills nothing in.
  const prefill = listing?.product.id === product.id ? listing : null;
  const initial = prefill ? choiceOf(product, prefill.variants.map((v) => v.id)) : { colors: options.colors.map((c) => c.color), sizes: options.sizes };
  const [title, setTitle] = useState(prefill?.title ?? defaultTitle);
  const [description, setDescription] = useState(prefill?.description ?? "");
  // The currencies this product has a base price in; a Korean seller starts in won.
  const currencies = SHOP_CURRENCIES.filter((c) => product.basePrices[c] !== undefined);
  const [currency, setCurrency] = useState<string>(prefill?.currency ?? (locale === "ko" && currencies.includes("KRW") ? "KRW" : product.currency));
  const basePrice = product.basePrices[currency] ?? product.basePrice;
  const [amount, setAmount] = useState<number | string>(toMajor(prefill?.price ?? basePrice, currency));
  const changeCurrency = (next: string) => {
    setCurrency(next);
    // Prices do not convert: the new currency starts from its own base price.
    setAmount(toMajor(product.basePrices[next] ?? product.basePrice, next));
  };
  const [colors, setColors] = useState<string[]>(initial.colors);
  const lowContrast = useLowContrastColors(options.colors);
  const lowChosen = colors.filter((c) => lowContrast.has(c));
  const [sizes, setSizes] = useState<string[]>(initial.sizes);
  const [limited, setLimited] = useState(prefill?.stockTotal != null);
  const [stock, setStock] = useState<number | string>(prefill?.stockTotal ?? 50);

  const publish = useMutation(
    trpc.listing.publish.mutationOptions({
      onSuccess: (r) => {
        notifications.show({ color: "teal", message: t("shopAdmin.sell.published", { version: r.version }) });
        void queryClient.invalidateQueries({ queryKey: trpc.listing.ofCanvas.queryKey({ canvasId }) });
      },
      onError: (e) => notifications.show({ color: "red", title: t("common.error"), message: errorMessage(e, t) }),
    }),
  );
  const serverErrors = fieldErrors(publish.error);

  // The input reports "24.00" (its fixed decimals) as a string, not a number.
  const major = typeof amount === "number" ? amount : amount.trim() ? Number(amount.replace(/,/g, "")) : NaN;
  const minor = Number.isFinite(major) ? toMinor(major, currency) : NaN;
  const belowBase = Number.isFinite(minor) && minor < basePrice;
  const variantIds = chosenVariantIds(product, colors, sizes);
  const stockOk = !limited || Number(stock) >= 1;
  const digits = Math.round(Math.log10(toMinor(1, currency)));
  const fmt = (m: number) => price(m, currency);

  const submit = () => {
    if (!Number.isFinite(minor) || belowBase || !variantIds.length || !stockOk || !title.trim()) return;
    const send = (confirmPreflight?: string[]) =>
      publish.mutate({ canvasId, title: title.trim(), description: description.trim() || undefined, price: minor, currency: currency as (typeof SHOP_CURRENCIES)[number], variantIds, stock: limited ? Number(stock) : null, confirmPreflight });
    // What prints wrong goes on sale only once the owner has seen each problem named.
    const problems = unconfirmedProblems(issues, []);
    if (problems.length) confirmPublish({ t, areaName: names.area }, problems, () => send(problems.map(problemCode)));
    else send();
  };

  return (
    <Stack gap="sm" component="form" onSubmit={(e) => (e.preventDefault(), submit())} data-testid="sell-form">
      <TextInput label={t("shopAdmin.sell.titleLabel")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={120} required error={serverErrors.title || (!title.trim() && publish.isError ? t("shopAdmin.sell.titleRequired") : undefined)} />
      <Textarea label={t("shopAdmin.sell.description")} placeholder={t("shopAdmin.sell.descriptionPlaceholder")} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} maxRows={6} maxLength={2000} />
      <div>
        {currencies.length > 1 && (
          <SegmentedControl
            size="xs"
            mb={6}
            value={currency}
            onChange={changeCurrency}
            data={currencies.map((c) => ({ value: c, label: `${c} ${currencySymbol(c, locale === "ko" ? "ko-KR" : "en-US")}` }))}
            aria-label={t("shopAdmin.sell.currency")}
            data-testid="sell-currency"
          />
        )}
        <NumberInput
          key={currency}
          label={t("shopAdmin.sell.price", { currency })}
          value={amount}
          onChange={setAmount}
          leftSection={<Text size="sm">{currencySymbol(currency, locale === "ko" ? "ko-KR" : "en-US")}</Text>}
          decimalScale={digits}
          fixedDecimalScale={digits > 0}
          min={0}
          step={digits > 0 ? 1 : 1000}
          thousandSeparator=","
          required
          error={belowBase ? t("shopAdmin.sell.belowBase", { price: fmt(basePrice) }) : serverErrors.price}
          data-testid="sell-price"
        />
        <Group justify="space-between" mt={6} gap={4} data-testid="sell-margin">
          <Text size="xs" c="dimmed">
            {t("shopAdmin.sell.basePrice", { price: fmt(basePrice) })}
          </Text>
          {Number.isFinite(minor) && !belowBase && (
            <Text size="xs" fw={600} c="teal.9">
              {t("shopAdmin.sell.margin", { price: fmt(minor - basePrice) })}
            </Text>
          )}
        </Group>
      </div>
      {options.colors.length > 1 && (
        <Checkbox.Group label={t("shopAdmin.sell.colors")} description={t("shopAdmin.sell.chosen", { count: colors.length, total: options.colors.length })} value={colors} onChange={setColors} error={!colors.length ? t("shopAdmin.sell.chooseOne") : undefined}>
          <Group gap={10} mt={6}>
            {options.colors.map((c) => (
              <Checkbox
                key={c.color}
                value={c.color}
                size="xs"
                data-low-contrast={lowContrast.has(c.color) || undefined}
                label={
                  <Group gap={4} wrap="nowrap" component="span">
                    <ColorSwatch color={c.colorHex} size={12} withShadow component="span" />
                    {names.color(c.color)}
                    {lowContrast.has(c.color) && <IconAlertTriangle size={13} color="var(--mantine-color-orange-8)" aria-label={t("shopAdmin.sell.lowContrastMark")} />}
                  </Group>
                }
              />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      {lowChosen.length > 0 && (
        <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="sell-low-contrast">
          <Text size="xs">{t("shopAdmin.sell.lowContrast", { colors: lowChosen.map((c) => names.color(c)).join(", "), count: lowChosen.length })}</Text>
          {lowChosen.length < colors.length && (
            <Button size="compact-xs" variant="white" color="orange" mt={6} onClick={() => setColors(colors.filter((c) => !lowContrast.has(c)))}>
              {t("shopAdmin.sell.leaveOut", { count: lowChosen.length })}
            </Button>
          )}
        </Alert>
      )}
      {options.sizes.length > 1 && (
        <Checkbox.Group label={t("shopAdmin.sell.sizes")} description={t("shopAdmin.sell.chosen", { count: sizes.length, total: options.sizes.length })} value={sizes} onChange={setSizes} error={!sizes.length ? t("shopAdmin.sell.chooseOne") : undefined}>
          <Group gap={10} mt={6}>
            {options.sizes.map((s) => (
              <Checkbox key={s} value={s} size="xs" label={s} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      <Stack gap={6}>
        <Switch label={t("shopAdmin.sell.limited")} description={t("shopAdmin.sell.limitedHint")} checked={limited} onChange={(e) => setLimited(e.currentTarget.checked)} data-testid="sell-limited" />
        {limited && <NumberInput label={t("shopAdmin.sell.stock")} value={stock} onChange={setStock} min={1} max={100_000} allowDecimal={false} required error={serverErrors.stock} data-testid="sell-stock" />}
      </Stack>
      <PreflightWarning issues={issues} areaCount={product.printAreas.length} />
      <Stack gap={6}>
        <Button type="submit" leftSection={<IconRocket size={16} />} loading={publish.isPending} disabled={belowBase || !variantIds.length || !stockOk || !Number.isFinite(minor)} data-testid="sell-publish">
          {listing ? t("shopAdmin.sell.publishNew") : t("shopAdmin.sell.publish")}
        </Button>
        <Text size="xs" c="dimmed">
          {t("shopAdmin.sell.freezes", { count: variantIds.length })}
        </Text>
      </Stack>
    </Stack>
  );
}
