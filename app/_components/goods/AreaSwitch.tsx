"use client";

import { SegmentedControl } from "@mantine/core";
import { useI18n } from "../../_i18n/I18nProvider";
import { useEditor, useEditorStore } from "../editor/store/useEditor";

/** Front, back…: one click shows another print area's artboard. Hidden when there is only one. */
export function AreaSwitch() {
  const { t, names } = useI18n();
  const store = useEditorStore();
  const areas = useEditor((s) => s.areas);
  const area = useEditor((s) => s.area);
  if (areas.length < 2 || !area) return null;
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("goods.printArea")}
      data-testid="area-switch"
      value={area.id}
      onChange={store.setActiveArea}
      data={areas.map((a) => ({ value: a.id, label: names.area(a.name) }))}
      style={{ boxShadow: "var(--mantine-shadow-xs)" }}
    />
  );
}
