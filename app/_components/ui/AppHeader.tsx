"use client";

import { Box, Button, Container, Group } from "@mantine/core";
import Link from "next/link";
import type { ReactNode } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { CartButton } from "../shop/CartButton";
import { LanguageSwitch } from "./LanguageSwitch";
import { Logo } from "./Logo";
import { UserMenu } from "./UserMenu";

export function AppHeader({ user, children }: { user: { name: string; email: string } | null; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Box component="header" bg="white" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
      <Container size="lg" h={60}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Logo href={user ? "/dashboard" : "/"} />
          <Group gap="sm" wrap="nowrap">
            {children}
            <CartButton />
            <Box visibleFrom="xs">
              <LanguageSwitch />
            </Box>
            {user ? (
              <UserMenu user={user} />
            ) : (
              <>
                <Button component={Link} href="/sign-in" variant="subtle" visibleFrom="xs">
                  {t("nav.signIn")}
                </Button>
                <Button component={Link} href="/sign-up">
                  {t("nav.signUp")}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </Container>
    </Box>
  );
}
