import { Anchor, Stack, Text } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import type { Listing } from "./shopTypes";

/** The notices the licences of library art on the design ask for, under the product. */
export function ArtCredits({ credits }: { credits: Listing["credits"] }) {
  const { t } = useI18n();
  if (!credits.length) return null;
  return (
    <Stack gap={2} mt="xl" data-testid="art-credits">
      <Text size="xs" fw={600} c="dimmed">
        {t("editor.elements.creditsTitle")}
      </Text>
      {credits.map((c) => (
        <Text key={`${c.source} ${c.license}`} size="xs" c="dimmed">
          {c.text} ·{" "}
          <Anchor href={c.url} target="_blank" rel="noopener noreferrer license" size="xs">
            {c.license}
          </Anchor>
        </Text>
      ))}
    </Stack>
  );
}
