"use client";

import { Alert, Button, Card, Center, Group, Skeleton, Stack, Table, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAlertCircle, IconChevronRight, IconDownload, IconReceiptOff } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { ItemThumb } from "../ItemThumb";
import { OrderFilters, type OrderFilter } from "./OrderFilters";
import { OrderStatusBadge } from "../OrderStatusBadge";
import { shortId } from "./orderStatusView";

/** Every order in the shop, newest first: a table on desktop, cards on phones; a click opens one. */
export function AdminOrders() {
  const { t, date, price } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [filter, setFilter] = useState<OrderFilter>({});
  // The list stays in place while a new filter loads (the search runs as the admin types).
  const orders = useQuery({ ...trpc.order.list.queryOptions({ all: true, ...filter }), refetchInterval: 15_000, placeholderData: keepPreviousData });
  const href = (id: string) => `/admin/orders/${id}`;
  const items = (n: number) => t("shopAdmin.orders.items", { count: n });

  return (
    <Stack gap="md">
      <OrderFilters
        value={filter}
        onChange={setFilter}
        actions={
          // The status chosen above; every order of it, oldest first, one row per item.
          <Button component="a" href={`/api/shop/orders.csv${filter.status ? `?status=${filter.status}` : ""}`} download variant="default" leftSection={<IconDownload size={16} />} data-testid="orders-export">
            {t("shopAdmin.orders.export")}
          </Button>
        }
      />
      {orders.isError && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} title={t("common.error")}>
          <Group justify="space-between">
            <Text size="sm">{errorMessage(orders.error, t)}</Text>
            <Button size="xs" variant="white" color="red" onClick={() => orders.refetch()}>
              {t("common.retry")}
            </Button>
          </Group>
        </Alert>
      )}
      {orders.isPending && (
        <Stack gap="xs" role="status" aria-busy="true" aria-label={t("common.loading")}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={52} radius="md" />
          ))}
        </Stack>
      )}
      {orders.data?.length === 0 && (
        <Card withBorder radius="lg" py={48}>
          <Center>
            <Stack align="center" gap={6} maw={360}>
              <ThemeIcon size={52} radius="xl" variant="light" color="gray">
                <IconReceiptOff size={28} />
              </ThemeIcon>
              <Title order={2} size="h4">
                {t("shopAdmin.orders.empty")}
              </Title>
              <Text size="sm" c="dimmed" ta="center">
                {filter.status || filter.email ? t("shopAdmin.orders.emptyFiltered") : t("shopAdmin.orders.emptyHint")}
              </Text>
            </Stack>
          </Center>
        </Card>
      )}
      {!!orders.data?.length && (
        <>
          <Card withBorder radius="lg" p={0} visibleFrom="sm">
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="orders-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("shopAdmin.orders.order")}</Table.Th>
                  <Table.Th>{t("shopAdmin.orders.customer")}</Table.Th>
                  <Table.Th>{t("shopAdmin.orders.date")}</Table.Th>
                  <Table.Th>{t("shopAdmin.orders.status")}</Table.Th>
                  <Table.Th ta="right">{t("shopAdmin.orders.total")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orders.data.map((o) => (
                  <Table.Tr key={o.id} onClick={() => router.push(href(o.id))} style={{ cursor: "pointer" }} data-testid="order-row" data-order-id={o.id}>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <ItemThumb url={o.imageUrl} size={44} />
                        <div style={{ minWidth: 0 }}>
                          <Link href={href(o.id)} style={{ color: "inherit", textDecoration: "none" }} onClick={(e) => e.stopPropagation()}>
                            <Text size="sm" fw={600} lineClamp={1}>
                              {o.title}
                            </Text>
                          </Link>
                          <Text size="xs" c="dimmed">
                            #{shortId(o.id)} · {items(o.itemCount)}
                          </Text>
                        </div>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={1} style={{ wordBreak: "break-all" }}>
                        {o.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                        {date(o.createdAt, "long")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <OrderStatusBadge status={o.status} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                        {price(o.total, o.currency)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Stack gap="xs" hiddenFrom="sm" data-testid="orders-cards">
            {orders.data.map((o) => (
              <Card key={o.id} withBorder radius="md" p="sm" component={Link} href={href(o.id)} data-testid="order-card" style={{ color: "inherit" }}>
                <Group wrap="nowrap" gap="sm" align="flex-start">
                  <ItemThumb url={o.imageUrl} size={48} />
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" fw={600} lineClamp={1}>
                        {o.title}
                      </Text>
                      <OrderStatusBadge status={o.status} />
                    </Group>
                    <Group justify="space-between" wrap="nowrap" gap="xs" mt={2}>
                      <Text size="xs" c="dimmed" truncate>
                        {o.email}
                      </Text>
                      <Text size="sm" fw={700} style={{ whiteSpace: "nowrap" }}>
                        {price(o.total, o.currency)}
                      </Text>
                    </Group>
                    <Group justify="space-between" wrap="nowrap" gap="xs" mt={6}>
                      <Text size="xs" c="dimmed">
                        #{shortId(o.id)} · {items(o.itemCount)} · {date(o.createdAt)}
                      </Text>
                      <IconChevronRight size={16} color="var(--mantine-color-gray-5)" aria-hidden />
                    </Group>
                  </div>
                </Group>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
