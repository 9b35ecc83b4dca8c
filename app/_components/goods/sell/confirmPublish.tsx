"use client";

import { List, Stack, Text, ThemeIcon } from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconBoxMargin, IconPhotoExclamation } from "@tabler/icons-react";
import type { ConfirmIssue } from "@/domain/design/preflight";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { issueText } from "./issueText";

type Words = { t: (key: MessageKey, params?: Record<string, string | number>) => string; areaName: (name: string) => string };

/**
 * Asks the owner before a design that prints wrong goes on sale: each problem in words, then
 * Publish anyway or Cancel. Only a confirmation sends the problems' codes with the publish.
 */
export function confirmPublish({ t, areaName }: Words, problems: ConfirmIssue[], onConfirm: () => void): void {
  modals.openConfirmModal({
    title: t("goods.publish.title"),
    size: "md",
    centered: true,
    children: (
      <Stack gap="sm" data-testid="publish-confirm">
        <Text size="sm">{t("goods.publish.body")}</Text>
        <List spacing={8} size="sm" center>
          {problems.map((p) => (
            <List.Item
              key={`${p.kind}-${p.area.id}-${p.shape.id}`}
              data-testid="publish-problem"
              data-kind={p.kind}
              icon={
                <ThemeIcon color="red" variant="light" size={24} radius="xl">
                  {p.kind === "outside" ? <IconBoxMargin size={14} /> : <IconPhotoExclamation size={14} />}
                </ThemeIcon>
              }
            >
              {issueText(t, p, areaName)}
            </List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {t("goods.publish.hint")}
        </Text>
      </Stack>
    ),
    labels: { confirm: t("goods.publish.anyway"), cancel: t("goods.publish.cancel") },
    confirmProps: { color: "red", "data-testid": "publish-anyway" } as Record<string, unknown>,
    cancelProps: { variant: "default", "data-testid": "publish-cancel" } as Record<string, unknown>,
    onConfirm,
  });
}
