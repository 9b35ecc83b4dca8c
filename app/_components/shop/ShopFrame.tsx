"use client";

import { Box, Container } from "@mantine/core";
import type { ReactNode } from "react";
import { AppHeader } from "../ui/AppHeader";

export type ShopUser = { name: string; email: string } | null;

/** The shop's pages: the site header over a centred column on the light page background. */
export function ShopFrame({ user, children, size = "lg" }: { user: ShopUser; children: ReactNode; size?: "sm" | "md" | "lg" }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <AppHeader user={user} />
      <Container component="main" size={size} px={{ base: "md", sm: "lg" }} py={{ base: "lg", sm: 40 }}>
        {children}
      </Container>
    </Box>
  );
}
