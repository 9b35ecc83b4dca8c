"use client";

import { Alert, List, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useI18n } from "../../../_i18n/I18nProvider";
import type { Issue } from "@/domain/design/preflight";
import { issueText } from "./issueText";

const SHOWN = 3;

/**
 * What preflight found, before the owner publishes. An empty print area is only a problem when
 * every area is empty: the others are simply not printed.
 */
export function PreflightWarning({ issues, areaCount }: { issues: Issue[]; areaCount: number }) {
  const { t } = useI18n();
  const empty = issues.filter((i) => i.kind === "empty").length;
  if (areaCount > 0 && empty === areaCount) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="sell-empty">
        <Text size="xs">{t("shopAdmin.sell.emptyDesign")}</Text>
      </Alert>
    );
  }
  const problems = issues.filter((i) => i.kind !== "empty");
  if (!problems.length) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} p="xs" title={t("goods.publish.found", { count: problems.length })} data-testid="sell-preflight">
      <List size="xs" spacing={2}>
        {problems.slice(0, SHOWN).map((issue, i) => (
          <List.Item key={i}>{issueText(t, issue)}</List.Item>
        ))}
      </List>
      {problems.length > SHOWN && (
        <Text size="xs" mt={4}>
          {t("shopAdmin.sell.preflightMore", { count: problems.length - SHOWN })}
        </Text>
      )}
    </Alert>
  );
}
