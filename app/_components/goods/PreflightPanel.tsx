"use client";

import { Alert, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconBoxMargin, IconCircleCheck, IconPhotoExclamation, IconSquareDashed, IconTextSize } from "@tabler/icons-react";
import type { MessageKey } from "../../_i18n/en";
import { useI18n } from "../../_i18n/I18nProvider";
import { useEditorStore } from "../editor/store/useEditor";
import type { Issue } from "./preflight";

const ICONS = { empty: IconSquareDashed, lowDpi: IconPhotoExclamation, bundled: IconPhotoExclamation, outside: IconBoxMargin, bleed: IconBoxMargin, safe: IconBoxMargin, smallText: IconTextSize } as const;
/** Red: it will print wrong. Orange: it may. */
const SEVERE = new Set<Issue["kind"]>(["lowDpi", "bundled", "outside", "empty"]);

/** What would print badly, for everyone on the canvas; a click shows the object on its print area. */
export function PreflightPanel({ issues }: { issues: Issue[] }) {
  const { t, names } = useI18n();
  const store = useEditorStore();
  if (!issues.length) {
    return (
      <Alert m="sm" color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="preflight-ok">
        {t("goods.preflight.ok")}
      </Alert>
    );
  }
  return (
    <Stack gap={4} p="sm" data-testid="preflight">
      {issues.map((issue, i) => {
        const Icon = ICONS[issue.kind];
        const shape = "shape" in issue ? issue.shape : null;
        const params = { area: names.area(issue.area.name), name: shape?.name ?? "", ...("dpi" in issue ? { dpi: issue.dpi, min: issue.min } : {}), ...("pt" in issue ? { pt: issue.pt } : {}), ...("width" in issue ? { width: issue.width, height: issue.height } : {}) };
        return (
          <UnstyledButton
            key={`${issue.kind}-${issue.area.id}-${shape?.id ?? i}`}
            data-testid="preflight-issue"
            data-kind={issue.kind}
            onClick={() => {
              store.setActiveArea(issue.area.id);
              if (shape) store.select([shape.id]);
            }}
            p={6}
            style={{ borderRadius: 6, display: "flex", gap: 8, alignItems: "flex-start", background: SEVERE.has(issue.kind) ? "var(--mantine-color-red-0)" : "var(--mantine-color-orange-0)" }}
          >
            <Icon size={16} style={{ flex: "none", marginTop: 2 }} color={SEVERE.has(issue.kind) ? "var(--mantine-color-red-7)" : "var(--mantine-color-orange-8)"} />
            <Text size="xs">{t(`goods.preflight.${issue.kind}` as MessageKey, params)}</Text>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}

