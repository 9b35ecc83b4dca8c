"use client";

import { Button, Group, Paper, Stack, Text, TextInput, ThemeIcon, Title } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";

/** The bank's extra check: a 6-digit code, then Confirm. */
export function VerificationStep({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm: (code: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState("");
  return (
    <Paper withBorder radius="md" p="lg" data-testid="verification">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(code);
        }}
      >
        <Stack gap="md" align="center" ta="center">
          <ThemeIcon size={48} radius="xl" variant="light" color="indigo">
            <IconShieldCheck size={28} />
          </ThemeIcon>
          <Title order={2} size="h4">
            {t("shop.pay.verifyTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("shop.pay.verifyBody")}
          </Text>
          <TextInput
            label={t("shop.pay.code")}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, "").slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            size="lg"
            w={220}
            disabled={busy}
            styles={{ input: { textAlign: "center", letterSpacing: 8, fontFamily: "var(--mantine-font-family-monospace)", fontWeight: 600 } }}
          />
          <Group w="100%" grow>
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t("shop.pay.cancelVerify")}
            </Button>
            <Button type="submit" loading={busy} disabled={code.length !== 6}>
              {t("shop.pay.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
