"use client";

import { Alert, Anchor, Button, Divider, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage, fieldErrors } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { AuthCard } from "./AuthCard";
import { InviteSummary, inviteTokenOf } from "./InviteSummary";

type Props = { mode: "signIn" | "signUp"; next: string; providers: string[]; oauthError: string | null };

export function AuthForm({ mode, next, providers, oauthError }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [form, setForm] = useState({ email: "", password: "", name: "" });
  const inviteToken = inviteTokenOf(next);
  // Back to an invite: joining is this same step (the person chose it on the invite page). A link
  // that cannot be used any more sends them to the invite page, which says why.
  const join = useMutation(
    trpc.invite.accept.mutationOptions({
      onSuccess: ({ canvasId }) => window.location.replace(`/canvas/${canvasId}`),
      onError: () => window.location.assign(next),
    }),
  );
  const done = () => (inviteToken ? join.mutate({ token: inviteToken }) : window.location.assign(next));
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: done }));
  const signUp = useMutation(trpc.auth.signUp.mutationOptions({ onSuccess: done }));
  const active = mode === "signIn" ? signIn : signUp;
  const fields = fieldErrors(active.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === "signIn") signIn.mutate({ email: form.email, password: form.password });
    else signUp.mutate(form);
  };
  const other = mode === "signIn" ? "/sign-up" : "/sign-in";
  const query = next !== "/dashboard" ? `?next=${encodeURIComponent(next)}` : "";
  const topError = oauthError ? t((t.has(`errors.${oauthError}`) ? `errors.${oauthError}` : "errors.oauth.failed") as MessageKey) : null;

  return (
    <AuthCard
      title={t(mode === "signIn" ? "auth.signIn.title" : "auth.signUp.title")}
      subtitle={t(mode === "signIn" ? "auth.signIn.subtitle" : "auth.signUp.subtitle")}
      footer={
        <Text ta="center" size="sm">
          {t(mode === "signIn" ? "auth.noAccount" : "auth.haveAccount")}{" "}
          <Anchor component={Link} href={`${other}${query}`} fw={600}>
            {t(mode === "signIn" ? "nav.signUp" : "nav.signIn")}
          </Anchor>
        </Text>
      }
    >
      {inviteToken && <InviteSummary token={inviteToken} />}
      {(topError || (active.error && !Object.keys(fields).length)) && (
        <Alert icon={<IconAlertCircle size={18} />} color="red" variant="light" mb="md" role="alert">
          {topError ?? errorMessage(active.error, t)}
        </Alert>
      )}
      {/* POST: a press before the page is interactive must not put the password into the address. */}
      <form method="post" onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mode === "signUp" && (
            <TextInput
              label={t("auth.name")}
              name="name"
              autoComplete="name"
              required
              value={form.name}
              error={fields.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            />
          )}
          <TextInput
            label={t("auth.email")}
            name="email"
            type="email"
            autoComplete="email"
            required
            value={form.email}
            error={fields.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <PasswordInput
            label={t("auth.password")}
            name="password"
            description={mode === "signUp" ? t("auth.passwordHint") : undefined}
            autoComplete={mode === "signIn" ? "current-password" : "new-password"}
            required
            value={form.password}
            error={fields.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
          {mode === "signIn" && (
            <Group justify="flex-end">
              <Anchor component={Link} href="/forgot-password" size="sm">
                {t("auth.forgot.link")}
              </Anchor>
            </Group>
          )}
          <Button type="submit" fullWidth mt="sm" loading={active.isPending || join.isPending || join.isSuccess}>
            {t(mode === "signIn" ? (inviteToken ? "auth.submitSignInJoin" : "auth.submitSignIn") : inviteToken ? "auth.submitSignUpJoin" : "auth.submitSignUp")}
          </Button>
        </Stack>
      </form>
      {providers.length > 0 && (
        <>
          <Divider label={t("auth.or")} labelPosition="center" my="lg" />
          <Stack gap="xs">
            {providers.map((p) => (
              <Button key={p} component="a" href={`/api/auth/${p}?next=${encodeURIComponent(next)}`} variant="default" fullWidth>
                {t(`auth.with.${p}` as MessageKey)}
              </Button>
            ))}
          </Stack>
        </>
      )}
    </AuthCard>
  );
}
