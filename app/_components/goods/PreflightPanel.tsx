"use client";

import { Alert, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconBoxMargin, IconCircleCheck, IconPhotoExclamation, IconSquareDashed, IconTextSize } from "@tabler/icons-react";
import type { Product } from "@/domain/catalog/catalog";
import { needsConfirmation, type Issue } from "@/domain/design/preflight";
import { useI18n } from "../../_i18n/I18nProvider";
import { useEditorStore } from "../editor/store/useEditor";
import { ImageFixes } from "./ImageFixes";
import { issueText } from "./sell/issueText";
import { useImageSizes } from "./useImageSizes";

const ICONS = { empty: IconSquareDashed, lowDpi: IconPhotoExclamation, bundled: IconPhotoExclamation, outside: IconBoxMargin, bleed: IconBoxMargin, safe: IconBoxMargin, smallText: IconTextSize } as const;

type Props = { canvasId: string; product: Product; issues: Issue[]; canEdit: boolean };

/**
 * What would print badly, for everyone on the canvas: red for what prints wrong (publishing it asks
 * the owner to confirm), orange for what may. A click shows the object on its print area; an image
 * below the DPI offers its fixes.
 */
export function PreflightPanel({ canvasId, product, issues, canEdit }: Props) {
  const { t, names } = useI18n();
  const store = useEditorStore();
  const sizes = useImageSizes(canvasId, []);
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
        const severe = needsConfirmation(issue) || issue.kind === "empty";
        return (
          <div
            key={`${issue.kind}-${issue.area.id}-${shape?.id ?? i}`}
            data-testid="preflight-issue"
            data-kind={issue.kind}
            style={{ borderRadius: 6, padding: 6, background: severe ? "var(--mantine-color-red-0)" : "var(--mantine-color-orange-0)" }}
          >
            <UnstyledButton
              onClick={() => {
                store.setActiveArea(issue.area.id);
                if (shape) store.select([shape.id]);
              }}
              style={{ display: "flex", gap: 8, alignItems: "flex-start", width: "100%" }}
            >
              <Icon size={16} style={{ flex: "none", marginTop: 2 }} color={severe ? "var(--mantine-color-red-7)" : "var(--mantine-color-orange-8)"} />
              <Text size="xs">{issueText(t, issue, names.area)}</Text>
            </UnstyledButton>
            {canEdit && shape && (issue.kind === "lowDpi" || issue.kind === "bundled") && (
              <div style={{ marginTop: 6, paddingLeft: 24 }}>
                <ImageFixes canvasId={canvasId} shape={shape} area={issue.area} size={shape.src ? sizes.get(shape.src) : undefined} minDpi={product.minDpi} />
              </div>
            )}
          </div>
        );
      })}
    </Stack>
  );
}
