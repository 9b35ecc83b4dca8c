"use client";

import { Box, Tabs, Text } from "@mantine/core";
import { useMemo, type ReactNode } from "react";
import type { AssetProvenance } from "@/domain/provenance";
import { useI18n } from "../../_i18n/I18nProvider";
import type { PanelTab } from "./Editor";
import { ElementsPanel } from "./elements/ElementsPanel";
import { LayersPanel } from "./LayersPanel";
import { PropertiesPanel } from "./PropertiesPanel";
import { useEditor, useEditorStore } from "./store/useEditor";

/** The selection's properties above the layers list. */
export function SidePanel({ canvasId, onReuse, top, tabs = [] }: { canvasId: string; onReuse?: (p: AssetProvenance) => void; top?: ReactNode; tabs?: PanelTab[] }) {
  const { t } = useI18n();
  const store = useEditorStore();
  const shapes = useEditor((s) => s.shapes);
  const selection = useEditor((s) => s.selection);
  const selected = useMemo(() => shapes.filter((s) => selection.has(s.id)), [shapes, selection]);
  return (
    <Box bg="white" h="100%" style={{ borderLeft: "1px solid var(--mantine-color-gray-2)", minHeight: 0, display: "grid", gridTemplateRows: "auto auto minmax(320px, 1fr)", overflowY: "auto" }}>
      {top ? (
        // Pinned while something is selected (the product's mockup is small then): it stays in view above the properties.
        <Box p="sm" bg="white" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)", ...(selected.length ? { position: "sticky", top: 0, zIndex: 3 } : {}) }}>
          {top}
        </Box>
      ) : (
        <div />
      )}
      <Box p="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={6}>
          {selected.length > 1 ? t("editor.panel.selected", { count: selected.length }) : selected[0]?.name ?? t("editor.panel.design")}
        </Text>
        <PropertiesPanel canvasId={canvasId} writer={store} selected={selected} readOnly={store.readOnly} onReuse={onReuse} />
      </Box>
      <Tabs defaultValue="layers" style={{ minHeight: 0, display: "grid", gridTemplateRows: "auto 1fr" }}>
        <Tabs.List>
          <Tabs.Tab value="layers">{t("editor.panel.layers")}</Tabs.Tab>
          <Tabs.Tab value="elements">{t("editor.panel.elements")}</Tabs.Tab>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="layers" style={{ minHeight: 0 }}>
          <LayersPanel writer={store} shapes={shapes} selection={selection as Set<string>} select={store.select} readOnly={store.readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="elements" style={{ minHeight: 0, overflowY: "auto" }}>
          <ElementsPanel />
        </Tabs.Panel>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} style={{ minHeight: 0, overflowY: "auto" }}>
            {tab.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Box>
  );
}
