"use client";

import { Button, Code, Stack, Table, Text } from "@mantine/core";
import { IconRepeat } from "@tabler/icons-react";
import type { AssetProvenance } from "@/domain/provenance";
import { useI18n } from "../../_i18n/I18nProvider";

/** How the selected generated image was made, with a way to make more like it. */
export function ProvenanceInspector({ provenance: p, onReuse }: { provenance: AssetProvenance; onReuse?: (p: AssetProvenance) => void }) {
  const { t } = useI18n();
  const rows: [string, string][] = [
    [t("generate.provenance.seed"), String(p.seed)],
    [t("generate.provenance.steps"), String(p.steps)],
    [t("generate.provenance.guidance"), String(p.guidance)],
    [t("generate.provenance.scheduler"), p.scheduler],
    [t("generate.provenance.size"), `${p.width}×${p.height}`],
    [t("generate.provenance.model"), p.modelHash ? `${p.model} (${p.modelHash.slice(0, 8)})` : p.model],
    [t("generate.provenance.device"), p.provider],
    [t("generate.provenance.time"), `${(p.durationMs / 1000).toFixed(2)} s`],
    ...(p.printReady
      ? ([[t("generate.provenance.printReady"), `${p.printReady.network} (${p.printReady.networkHash.slice(0, 8)}) ×${p.printReady.scale}, ${(p.printReady.durationMs / 1000).toFixed(2)} s`]] as [string, string][])
      : []),
  ];
  return (
    <Stack gap={6} data-testid="provenance">
      <Text size="xs" fw={700}>{t("generate.provenance.title")}</Text>
      <div>
        <Text size="xs" c="dimmed">{t("generate.provenance.prompt")}</Text>
        <Text size="sm" data-testid="provenance-prompt">{p.prompt}</Text>
      </div>
      {p.negativePrompt && (
        <div>
          <Text size="xs" c="dimmed">{t("generate.provenance.negative")}</Text>
          <Text size="sm">{p.negativePrompt}</Text>
        </div>
      )}
      <Table withRowBorders={false} verticalSpacing={1} horizontalSpacing={0} fz="xs">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td c="dimmed" w="45%">{label}</Table.Td>
              <Table.Td><Code fz="xs">{value}</Code></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {onReuse && (
        <Button size="compact-xs" variant="light" leftSection={<IconRepeat size={12} />} onClick={() => onReuse(p)} data-testid="reuse-settings">
          {t("generate.provenance.reuse")}
        </Button>
      )}
    </Stack>
  );
}
