"use client";

import { Group, Loader } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";

/** The shop pages' spinner while their data loads. */
export function PageLoader() {
  const { t } = useI18n();
  return (
    <Group justify="center" py={80}>
      <Loader color="violet" aria-label={t("common.loading")} />
    </Group>
  );
}
