"use client";

import { Button, Container, Group, Stack, Title } from "@mantine/core";
import { IconActivityHeartbeat, IconDiscount, IconMail, IconReceipt, IconTruckDelivery } from "@tabler/icons-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { AppHeader } from "../../ui/AppHeader";

export type AdminSection = "orders" | "shipping" | "discounts" | "outbox" | "status";

/** The shop admin's frame: the app header, the section title and the switch between its sections. */
export function AdminShell({ user, section, children }: { user: { name: string; email: string }; section: AdminSection | null; children: ReactNode }) {
  const { t } = useI18n();
  const links = [
    { value: "orders", href: "/admin/orders", label: t("shopAdmin.nav.orders"), icon: IconReceipt },
    { value: "shipping", href: "/admin/shipping", label: t("shopAdmin.nav.shipping"), icon: IconTruckDelivery },
    { value: "discounts", href: "/admin/discounts", label: t("shopAdmin.nav.discounts"), icon: IconDiscount },
    { value: "outbox", href: "/admin/outbox", label: t("shopAdmin.nav.outbox"), icon: IconMail },
    { value: "status", href: "/admin/status", label: t("shopAdmin.nav.status"), icon: IconActivityHeartbeat },
  ] as const;
  return (
    <>
      <AppHeader user={user} />
      <Container size="lg" py="lg" component="main">
        <Stack gap="lg">
          {section && (
            <Group justify="space-between" gap="sm">
              <Title order={1} size="h2">
                {t("shopAdmin.title")}
              </Title>
              <Group gap={4} component="nav" aria-label={t("shopAdmin.title")}>
                {links.map((l) => (
                  <Button key={l.value} component={Link} href={l.href} size="sm" variant={section === l.value ? "light" : "subtle"} color={section === l.value ? "violet" : "gray"} leftSection={<l.icon size={16} />} aria-current={section === l.value ? "page" : undefined}>
                    {l.label}
                  </Button>
                ))}
              </Group>
            </Group>
          )}
          {children}
        </Stack>
      </Container>
    </>
  );
}
