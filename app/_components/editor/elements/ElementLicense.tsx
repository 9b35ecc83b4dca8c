"use client";

import { Text } from "@mantine/core";
import { elementIdFromSrc, licenseOf, parseElementId } from "@/domain/elements/elementSource";
import { useI18n } from "../../../_i18n/I18nProvider";
import { LICENSE_NAMES, SOURCE_NAMES } from "./elementNames";

/** For an image showing a library element: where its art comes from and under what licence (both read from its id). */
export function ElementLicense({ src }: { src: string | undefined }) {
  const { t } = useI18n();
  const ref = parseElementId(elementIdFromSrc(src) ?? "");
  if (!ref) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="element-license">
      {t("editor.elements.from", { source: SOURCE_NAMES[ref.source], license: LICENSE_NAMES[licenseOf(ref)] })}
    </Text>
  );
}
