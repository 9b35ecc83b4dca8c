"use client";

import { Alert, Button, Group, Text } from "@mantine/core";
import { IconMail } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";

/** Shown to people whose address is not verified yet: they can work meanwhile, and ask for the link again. */
export function VerifyEmailNotice({ email }: { email: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const resend = useMutation(trpc.auth.sendVerification.mutationOptions());
  return (
    <Alert icon={<IconMail size={18} />} color="violet" variant="light" mb="lg" data-testid="verify-notice">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t("verifyNotice.body", { email })}</Text>
        {resend.isSuccess ? (
          <Text size="sm" fw={600} role="status">
            {t("verifyNotice.sent")}
          </Text>
        ) : (
          <Button size="xs" variant="white" onClick={() => resend.mutate()} loading={resend.isPending}>
            {t("verifyNotice.resend")}
          </Button>
        )}
      </Group>
      {resend.isError && (
        <Text size="sm" c="red.8" mt="xs" role="alert">
          {errorMessage(resend.error, t)}
        </Text>
      )}
    </Alert>
  );
}
