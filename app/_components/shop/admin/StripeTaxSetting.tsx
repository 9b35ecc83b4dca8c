"use client";

import { Alert, Card, Skeleton, Stack, Switch, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../../../_i18n/I18nProvider";
import { errorMessage } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";

/** The shop's switch for Stripe Tax, with what it does and whether it can apply here. */
export function StripeTaxSetting() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.tax.settings.queryOptions());
  const save = useMutation(
    trpc.tax.setStripeTax.mutationOptions({
      onSuccess: () => notifications.show({ color: "teal", message: t("shopAdmin.tax.saved") }),
      onError: (e) => notifications.show({ color: "red", title: t("common.error"), message: errorMessage(e, t) }),
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.tax.settings.queryKey() }),
    }),
  );
  return (
    <Card withBorder radius="lg" p="lg">
      <Title order={2} size="h4" mb="sm">
        {t("shopAdmin.tax.title")}
      </Title>
      {!settings.data ? (
        <Skeleton h={48} />
      ) : (
        <Stack gap="xs">
          <Switch
            label={t("shopAdmin.tax.stripe")}
            description={t("shopAdmin.tax.stripeHint")}
            checked={save.isPending ? save.variables.on : settings.data.stripeTax}
            onChange={(e) => save.mutate({ on: e.currentTarget.checked })}
          />
          {!settings.data.stripeConfigured && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
              {t("shopAdmin.tax.noStripe")}
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}
