"use client";

import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertCircle, IconMailForward } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage, fieldErrors } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { AuthCard } from "./AuthCard";

/** Asks for a reset link; says the same whether or not an account has the address. */
export function ForgotPasswordForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const fields = fieldErrors(request.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate({ email });
  };

  return (
    <AuthCard
      title={t("auth.forgot.title")}
      subtitle={t("auth.forgot.subtitle")}
      footer={
        <Text ta="center" size="sm">
          <Anchor component={Link} href="/sign-in" fw={600}>
            {t("auth.backToSignIn")}
          </Anchor>
        </Text>
      }
    >
      {request.isSuccess ? (
        <Alert icon={<IconMailForward size={18} />} color="violet" variant="light" role="status" data-testid="reset-sent">
          {t("auth.forgot.sent", { email: email.trim() })}
        </Alert>
      ) : (
        <form method="post" onSubmit={submit} noValidate>
          <Stack gap="sm">
            {request.error && !Object.keys(fields).length && (
              <Alert icon={<IconAlertCircle size={18} />} color="red" variant="light" role="alert">
                {errorMessage(request.error, t)}
              </Alert>
            )}
            <TextInput
              label={t("auth.email")}
              name="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              error={fields.email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Button type="submit" fullWidth mt="sm" loading={request.isPending}>
              {t("auth.forgot.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
