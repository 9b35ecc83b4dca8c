"use client";

import { PageLoader } from "./PageLoader";
import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle, IconArrowLeft, IconLock, IconShoppingBag } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage, errorReason } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { AddressFields, type Address } from "./AddressFields";
import { checkoutFieldErrors } from "./checkoutErrors";
import { CheckoutSummary } from "./CheckoutSummary";
import { DiscountCodeField } from "./DiscountCodeField";
import { EmptyState } from "./EmptyState";
import { newIdempotencyKey } from "./idempotencyKey";
import { ShopFrame, type ShopUser } from "./ShopFrame";
import { useCart } from "./useCart";

/** Contact and address on the left, the summary on the right; Continue leaves for the payment page. */
export function CheckoutView({ user, shopCountry }: { user: ShopUser; shopCountry: string }) {
  const { t, price, locale } = useI18n();
  const trpc = useTRPC();
  const { cart } = useCart();
  const me = useQuery(trpc.auth.me.queryOptions());
  // One key per form: a double click or a retry after a lost answer is the same order.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [email, setEmail] = useState(user?.email ?? "");
  // A Korean page ships to Korea unless the shopper says otherwise; otherwise the shop's own country.
  const [address, setAddress] = useState<Address>({ name: user?.name ?? "", line1: "", line2: "", city: "", region: "", postalCode: "", country: locale === "ko" ? "KR" : shopCountry, phone: "" });
  const [leaving, setLeaving] = useState(false);
  const [discountCode, setDiscountCode] = useState<string | null>(null);
  // The server prices the order for the chosen country and code: the summary shows what checkout charges.
  const quote = useQuery({ ...trpc.checkout.quote.queryOptions({ country: address.country, discountCode: discountCode ?? undefined }), placeholderData: keepPreviousData, retry: false });
  // Fields changed since the server's last answer: their old errors no longer apply.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const create = useMutation(
    trpc.checkout.create.mutationOptions({
      onMutate: () => setEdited(new Set()),
      onSuccess: ({ paymentUrl }) => (setLeaving(true), window.location.assign(paymentUrl)),
    }),
  );
  useEffect(() => {
    if (me.data?.email) setEmail((current) => current || me.data!.email);
  }, [me.data]);

  const data = cart.data;
  const errors = Object.fromEntries(Object.entries(checkoutFieldErrors(create.error, { email, ...address })).filter(([field]) => !edited.has(field)));
  const markEdited = (field: string) => setEdited((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  const busy = create.isPending || leaving;

  if (!data)
    return (
      <ShopFrame user={user}>
        <PageLoader />
      </ShopFrame>
    );
  if (!data.lines.length && !busy)
    return (
      <ShopFrame user={user}>
        <EmptyState icon={<IconShoppingBag size={32} />} title={t("shop.cart.empty")} body={t("shop.checkout.emptyCart")} action={{ label: t("shop.cart.shop"), href: "/shop" }} />
      </ShopFrame>
    );

  const priced = quote.data && !quote.isPlaceholderData ? quote.data : null;
  // A code that stopped applying since (used up by someone else): said under the field, not charged.
  const codeProblem = discountCode && errorReason(quote.error)?.startsWith("discount.") ? errorMessage(quote.error, t) : null;
  const fieldProblem = Object.keys(checkoutFieldErrors(create.error, { email, ...address })).length > 0;
  const allFixed = fieldProblem && Object.keys(errors).length === 0;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    const optional = (v: string) => v.trim() || undefined;
    create.mutate({ idempotencyKey, email: email.trim(), shippingAddress: { ...address, line2: optional(address.line2), region: optional(address.region), phone: optional(address.phone) }, discountCode: discountCode ?? undefined });
  }

  return (
    <ShopFrame user={user}>
      <Anchor component={Link} href="/cart" size="sm" c="dimmed">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t("shop.checkout.backToCart")}
        </Group>
      </Anchor>
      <Title order={1} fz={{ base: 26, sm: 32 }} mt="xs" mb="lg">
        {t("shop.checkout.title")}
      </Title>
      <Grid gap={{ base: "lg", md: 32 }}>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <CheckoutSummary cart={data} quote={priced}>
            <DiscountCodeField country={address.country} applied={discountCode} onApply={setDiscountCode} problem={codeProblem} disabled={busy} />
          </CheckoutSummary>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <form onSubmit={submit} noValidate>
            <Stack gap="lg">
              {create.error && !allFixed && (
                <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                  {fieldProblem ? t("shop.checkout.fixFields") : errorMessage(create.error, t)}
                </Alert>
              )}
              <Paper withBorder radius="lg" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="contact-title">
                <Title order={2} size="h4" id="contact-title" mb="md">
                  {t("shop.checkout.contact")}
                </Title>
                <TextInput
                  label={t("shop.checkout.email")}
                  description={t("shop.checkout.emailHint")}
                  withAsterisk
                  type="email"
                  autoComplete="email"
                  size="md"
                  value={email}
                  onChange={(e) => {
                    setEmail(e.currentTarget.value);
                    markEdited("email");
                  }}
                  error={errors.email ? t(errors.email) : undefined}
                  disabled={busy}
                />
              </Paper>
              <Paper withBorder radius="lg" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="address-title">
                <Title order={2} size="h4" id="address-title" mb="md">
                  {t("shop.checkout.address")}
                </Title>
                <AddressFields
                  value={address}
                  onChange={(next) => {
                    for (const key of Object.keys(next) as (keyof Address)[]) if (next[key] !== address[key]) markEdited(key);
                    setAddress(next);
                  }}
                  errors={errors}
                  disabled={busy}
                />
              </Paper>
              <Stack gap="xs">
                <Button type="submit" size="lg" fullWidth loading={busy} leftSection={<IconLock size={18} />} disabled={data.lines.some((l) => !l.available)}>
                  {t("shop.checkout.pay", { total: price(priced?.total ?? data.subtotal, data.currency) })}
                </Button>
                <Text size="xs" c="dimmed" ta="center">
                  {t("shop.checkout.payNote")}
                </Text>
              </Stack>
            </Stack>
          </form>
        </Grid.Col>
      </Grid>
    </ShopFrame>
  );
}
