"use client";

import { Group, SegmentedControl, Select } from "@mantine/core";
import type { PrintOutput } from "@/domain/generationView";
import { VECTOR_COLORS } from "@/domain/generationView";
import { useI18n } from "../../_i18n/I18nProvider";

export type PrintOutputChoice = { output: PrintOutput; colors: number | null };

const COLOR_COUNTS = Array.from({ length: VECTOR_COLORS.max - VECTOR_COLORS.min + 1 }, (_, i) => String(VECTOR_COLORS.min + i));

/** Raster or vector for a print-ready image, and a vector's colour count (automatic unless chosen). */
export function PrintOutputFields({ value, onChange }: { value: PrintOutputChoice; onChange: (v: PrintOutputChoice) => void }) {
  const { t } = useI18n();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <SegmentedControl
        size="xs"
        value={value.output}
        onChange={(v) => onChange({ ...value, output: v as PrintOutput })}
        data={[
          { value: "raster", label: t("generate.output.raster") },
          { value: "vector", label: t("generate.output.vector") },
        ]}
        data-testid="print-output"
      />
      {value.output === "vector" && (
        <Select
          size="xs"
          w={120}
          aria-label={t("generate.output.colors")}
          value={value.colors === null ? "auto" : String(value.colors)}
          onChange={(v) => onChange({ ...value, colors: !v || v === "auto" ? null : Number(v) })}
          data={[{ value: "auto", label: t("generate.output.colorsAuto") }, ...COLOR_COUNTS.map((n) => ({ value: n, label: t("generate.output.colorsN", { n }) }))]}
          allowDeselect={false}
          data-testid="vector-colors"
        />
      )}
    </Group>
  );
}
