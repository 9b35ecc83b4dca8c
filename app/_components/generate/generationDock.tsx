"use client";

import { IconSparkles } from "@tabler/icons-react";
import { useCallback, useMemo } from "react";
import type { Role } from "@/domain/canvas/roles";
import type { EditorDock } from "../editor/Editor";
import { placeImage } from "../editor/images/placeImage";
import { useEditor, useEditorStore } from "../editor/store/useEditor";
import { GenerationPanel } from "./GenerationPanel";
import { payloadOf, readPayload, type Generation, type GenerationImage } from "./generatedImage";

type Labels = { label: string; toggleLabel: string };

/**
 * Generation, docked in the editor: the panel at the left, its results placed on the print area
 * in view (or dropped anywhere on the stage), and an image's settings reused from the side panel.
 */
export function generationDock(canvasId: string, me: { id: string; role: Role }, labels: Labels): EditorDock {
  return {
    ...labels,
    icon: <IconSparkles size={14} />,
    panel: (onClose) => <GenerationDockPanel canvasId={canvasId} me={me} onClose={onClose} />,
    drop: (store, data, at) => {
      const generated = readPayload(data);
      if (generated) placeImage(store, generated, at);
      return !!generated;
    },
  };
}

function GenerationDockPanel({ canvasId, me, onClose }: { canvasId: string; me: { id: string; role: Role }; onClose?: () => void }) {
  const store = useEditorStore();
  const reuse = useEditor((s) => s.reuse);
  const area = useEditor((s) => s.area);
  const printArea = useMemo(() => (area ? { aspect: area.widthMm / area.heightMm, name: area.name } : null), [area]);
  // In a drawer (a phone), placing closes it: the image is then in view, selected, with its bar.
  const place = useCallback(
    (g: Generation, image: GenerationImage) => {
      placeImage(store, payloadOf(g, image), store.viewportCentre(), { fit: true });
      onClose?.();
    },
    [store, onClose],
  );
  return <GenerationPanel canvasId={canvasId} me={me} reuse={reuse} onReuse={store.reuseSettings} onPlace={place} onClose={onClose} printArea={printArea} />;
}
