"use client";

import { Alert, Anchor, Button, Center, Divider, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle, IconMailOpened } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { en, type MessageKey } from "../../_i18n/en";
import { useI18n } from "../../_i18n/I18nProvider";
import { errorMessage, fieldErrors } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { Logo } from "../ui/Logo";
import { LanguageSwitch } from "../ui/LanguageSwitch";

type Props = { mode: "signIn" | "signUp"; next: string; providers: string[]; oauthError: string | null };

export function AuthForm({ mode, next, providers, oauthError }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [form, setForm] = useState({ email: "", password: "", name: "" });
  const done = () => window.location.assign(next);
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
  const topError = oauthError ? t((`errors.${oauthError}` in en ? `errors.${oauthError}` : "errors.oauth.failed") as MessageKey) : null;

  return (
    <Center mih="100vh" p="md" style={{ background: "linear-gradient(160deg, var(--mantine-color-violet-0), var(--mantine-color-gray-0))" }}>
      <Stack w="100%" maw={420} gap="lg">
        <Center>
          <Logo />
        </Center>
        <Paper withBorder shadow="sm" p={{ base: "lg", sm: 32 }} radius="lg">
          <Title order={2} ta="center">
            {t(mode === "signIn" ? "auth.signIn.title" : "auth.signUp.title")}
          </Title>
          <Text c="dimmed" size="sm" ta="center" mt={4} mb="lg">
            {t(mode === "signIn" ? "auth.signIn.subtitle" : "auth.signUp.subtitle")}
          </Text>
          {next.startsWith("/invite/") && (
            <Alert icon={<IconMailOpened size={18} />} color="violet" variant="light" mb="md">
              {t("auth.inviteNotice")}
            </Alert>
          )}
          {(topError || (active.error && !Object.keys(fields).length)) && (
            <Alert icon={<IconAlertCircle size={18} />} color="red" variant="light" mb="md" role="alert">
              {topError ?? errorMessage(active.error, t)}
            </Alert>
          )}
          <form onSubmit={submit} noValidate>
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
              <Button type="submit" fullWidth mt="sm" loading={active.isPending}>
                {t(mode === "signIn" ? "auth.submitSignIn" : "auth.submitSignUp")}
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
        </Paper>
        <Text ta="center" size="sm">
          {t(mode === "signIn" ? "auth.noAccount" : "auth.haveAccount")}{" "}
          <Anchor component={Link} href={`${other}${query}`} fw={600}>
            {t(mode === "signIn" ? "nav.signUp" : "nav.signIn")}
          </Anchor>
        </Text>
        <Center>
          <LanguageSwitch />
        </Center>
      </Stack>
    </Center>
  );
}
