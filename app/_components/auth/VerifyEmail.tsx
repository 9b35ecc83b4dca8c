"use client";

import { Alert, Button, Center, Loader, Stack } from "@mantine/core";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { AuthCard } from "./AuthCard";

/** The page the verification mail links to: confirms the address as it opens. */
export function VerifyEmail({ token }: { token: string | null }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());
  const sent = useRef(false);
  useEffect(() => {
    // Once, also under React's double effects in development: a token works only once.
    if (token && !sent.current) {
      sent.current = true;
      verify.mutate({ token });
    }
  }, [token, verify]);

  const failed = !token || verify.isError;
  return (
    <AuthCard title={t("auth.verify.title")}>
      <Stack gap="md">
        {!failed && !verify.isSuccess && (
          <Center aria-live="polite">
            <Loader aria-label={t("auth.verify.working")} />
          </Center>
        )}
        {verify.isSuccess && (
          <Alert icon={<IconCircleCheck size={18} />} color="teal" variant="light" role="status" data-testid="verify-done">
            {t("auth.verify.done", { email: verify.data.email })}
          </Alert>
        )}
        {failed && (
          <Alert icon={<IconAlertCircle size={18} />} color="red" variant="light" role="alert">
            {token ? errorMessage(verify.error, t) : t("errors.account.linkInvalid")}
          </Alert>
        )}
        <Button component={Link} href="/dashboard" variant={verify.isSuccess ? "filled" : "default"} fullWidth>
          {t("auth.verify.continue")}
        </Button>
      </Stack>
    </AuthCard>
  );
}
