"use client";

import { Alert, Anchor, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage, fieldErrors } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { AuthCard } from "./AuthCard";

/** The page the reset mail links to: a new password, then the dashboard in a fresh session. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions({ onSuccess: () => window.location.assign("/dashboard") }));
  const fields = fieldErrors(reset.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (token) reset.mutate({ token, password });
  };
  const problem = !token ? t("errors.account.linkInvalid") : reset.error && (fields.token || !Object.keys(fields).length) ? errorMessage(reset.error, t) : null;

  return (
    <AuthCard
      title={t("auth.reset.title")}
      subtitle={t("auth.reset.subtitle")}
      footer={
        <Text ta="center" size="sm">
          <Anchor component={Link} href="/forgot-password" fw={600}>
            {t("auth.reset.again")}
          </Anchor>
        </Text>
      }
    >
      {/* POST: a press before the page is interactive must not put the password into the address. */}
      <form method="post" onSubmit={submit} noValidate>
        <Stack gap="sm">
          {problem && (
            <Alert icon={<IconAlertCircle size={18} />} color="red" variant="light" role="alert">
              {fields.token ? t("errors.account.linkInvalid") : problem}
            </Alert>
          )}
          <PasswordInput
            label={t("auth.reset.password")}
            name="password"
            description={t("auth.passwordHint")}
            autoComplete="new-password"
            required
            disabled={!token}
            value={password}
            error={fields.password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" fullWidth mt="sm" loading={reset.isPending} disabled={!token}>
            {t("auth.reset.submit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
