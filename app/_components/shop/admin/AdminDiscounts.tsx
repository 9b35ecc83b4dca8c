"use client";

import { Alert, Badge, Card, Skeleton, Stack, Switch, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { NewDiscountForm } from "./NewDiscountForm";

/** The shop's discount codes: make one, see how often each was used, switch one off. */
export function AdminDiscounts() {
  const { t, price, date } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const codes = useQuery(trpc.discount.list.queryOptions());
  const setActive = useMutation(
    trpc.discount.setActive.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.discount.list.queryKey() }),
      onError: (e) => notifications.show({ color: "red", title: t("common.error"), message: errorMessage(e, t) }),
    }),
  );

  return (
    <Stack gap="lg">
      <NewDiscountForm onCreated={() => void queryClient.invalidateQueries({ queryKey: trpc.discount.list.queryKey() })} />
      <Card withBorder radius="lg" p="lg">
        {codes.isError ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />}>
            {errorMessage(codes.error, t)}
          </Alert>
        ) : !codes.data ? (
          <Skeleton h={160} />
        ) : codes.data.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            {t("shopAdmin.discounts.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" data-testid="discount-codes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("shopAdmin.discounts.code")}</Table.Th>
                  <Table.Th>{t("shopAdmin.discounts.off")}</Table.Th>
                  <Table.Th>{t("shopAdmin.discounts.scope")}</Table.Th>
                  <Table.Th>{t("shopAdmin.discounts.used")}</Table.Th>
                  <Table.Th>{t("shopAdmin.discounts.expires")}</Table.Th>
                  <Table.Th>{t("shopAdmin.discounts.active")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {codes.data.map((d) => {
                  const expired = d.expiresAt !== null && new Date(d.expiresAt).getTime() <= Date.now();
                  const usedUp = d.maxUses !== null && d.uses >= d.maxUses;
                  return (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Text ff="monospace" fw={700} size="sm">
                          {d.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>{d.kind === "percent" ? `${d.value} %` : price(d.value, d.currency ?? "USD")}</Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={1}>
                          {d.listingTitle ?? t("shopAdmin.discounts.wholeShop")}
                        </Text>
                      </Table.Td>
                      <Table.Td>{d.maxUses === null ? d.uses : `${d.uses} / ${d.maxUses}`}</Table.Td>
                      <Table.Td>
                        {d.expiresAt ? date(d.expiresAt, "long") : "—"}
                        {(expired || usedUp) && (
                          <Badge ml="xs" size="sm" color="gray" variant="light">
                            {t(expired ? "shopAdmin.discounts.expired" : "shopAdmin.discounts.usedUp")}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Switch checked={d.active} onChange={(e) => setActive.mutate({ id: d.id, active: e.currentTarget.checked })} aria-label={t("shopAdmin.discounts.toggle", { code: d.code })} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
