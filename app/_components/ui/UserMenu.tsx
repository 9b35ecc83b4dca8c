"use client";

import { Avatar, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconBuildingStore, IconLayoutDashboard, IconLogout, IconReceipt } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_lib/trpc";
import { initials } from "./initials";

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const isShopAdmin = useQuery({ ...trpc.order.isAdmin.queryOptions(), staleTime: 60_000 }).data === true;
  const signOut = useMutation(trpc.auth.signOut.mutationOptions({ onSettled: () => window.location.assign("/") }));
  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={user.name}>
          <Avatar color="violet" radius="xl" size={34}>
            {initials(user.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} href="/dashboard" leftSection={<IconLayoutDashboard size={16} />}>
          {t("nav.dashboard")}
        </Menu.Item>
        <Menu.Item component={Link} href="/orders" leftSection={<IconReceipt size={16} />}>
          {t("shop.nav.orders")}
        </Menu.Item>
        {isShopAdmin && (
          <Menu.Item component={Link} href="/admin/orders" leftSection={<IconBuildingStore size={16} />} data-testid="nav-shop-admin">
            {t("shopAdmin.title")}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()}>
          {t("nav.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
