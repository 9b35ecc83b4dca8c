"use client";

import { Alert, Box, Loader, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Tooltip, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ELEMENT_SOURCES, type ElementSource } from "@/domain/elements/elementSource";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useTRPC } from "../../../_lib/trpc";
import { placeImage } from "../images/placeImage";
import { useEditorStore } from "../store/useEditor";
import { writeElementDrag, type PlacedElement } from "./elementDrag";
import { LICENSE_NAMES, SOURCE_NAMES } from "./elementNames";


/**
 * The elements library in the side panel: search open-licence art by an English or Korean word,
 * then click one to fill the print area in view with it, or drag it onto the canvas. The shape
 * shows the element's URL, whose id says its source and licence.
 */
export function ElementsPanel() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const store = useEditorStore();
  const [query, setQuery] = useState("");
  const [source, setSource] = useState<ElementSource | "all">("all");
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const search = useQuery({
    ...trpc.elements.search.queryOptions({ query: debounced, locale: locale === "ko" ? "ko" : "en", limit: 60, source: source === "all" ? undefined : source }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const results = search.data ?? [];
  // A vector (its address ends in .svg) fills the print area in view; see domain/design/placement.
  const place = (e: PlacedElement) => void placeImage(store, e, store.viewportCentre(), { fit: true });

  return (
    <Stack gap="xs" p="sm" data-testid="elements-panel">
      <TextInput
        size="sm"
        leftSection={<IconSearch size={14} />}
        placeholder={t("editor.elements.search")}
        aria-label={t("editor.elements.search")}
        value={query}
        maxLength={100}
        onChange={(e) => setQuery(e.currentTarget.value)}
        rightSection={search.isFetching ? <Loader size={14} /> : null}
      />
      <SegmentedControl
        size="xs"
        fullWidth
        value={source}
        onChange={(v) => setSource(v as ElementSource | "all")}
        data={[{ value: "all", label: t("editor.elements.sourceAll") }, ...ELEMENT_SOURCES.map((s) => ({ value: s, label: SOURCE_NAMES[s] }))]}
      />
      <Text size="xs" c="dimmed">
        {debounced ? t("editor.elements.results", { query: debounced }) : t("editor.elements.popular")} · {t("editor.elements.hint")}
      </Text>
      {search.isError && <Alert color="red">{t("editor.elements.failed")}</Alert>}
      {search.isSuccess && !results.length && debounced && (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t("editor.elements.empty", { query: debounced })}
        </Text>
      )}
      <SimpleGrid cols={4} spacing={6} verticalSpacing={6}>
        {results.map((e) => (
          <Tooltip key={e.id} label={`${e.name} · ${SOURCE_NAMES[e.source]} · ${LICENSE_NAMES[e.license]}`} openDelay={400} withinPortal>
            <UnstyledButton
              aria-label={t("editor.elements.place", { name: e.name })}
              data-element-id={e.id}
              disabled={store.readOnly}
              draggable={!store.readOnly}
              onDragStart={(ev) => writeElementDrag(ev.dataTransfer, { url: e.url, name: e.name, width: e.width, height: e.height })}
              onClick={() => place({ url: e.url, name: e.name, width: e.width, height: e.height })}
              style={{ borderRadius: 8, border: "1px solid var(--mantine-color-gray-2)", aspectRatio: "1", display: "grid", placeItems: "center", background: "var(--mantine-color-gray-0)" }}
            >
              <Box component="img" src={e.url} alt={e.name} loading="lazy" draggable={false} style={{ width: "72%", height: "72%", objectFit: "contain" }} />
            </UnstyledButton>
          </Tooltip>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
