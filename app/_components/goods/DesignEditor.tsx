"use client";

import { useI18n } from "../../_i18n/I18nProvider";
import Editor from "../editor/Editor";
import { generationDock } from "../generate/generationDock";
import type { Me } from "../editor/EditorLayout";
import { useEditorStore } from "../editor/store/useEditor";
import { AreaSwitch } from "./AreaSwitch";
import { DpiBadges } from "./DpiBadges";
import { PreflightPanel } from "./PreflightPanel";
import { ProductBinding } from "./ProductBinding";
import { ProductPanel } from "./ProductPanel";
import { ProductStudio } from "./ProductStudio";
import { useCanvasProduct, type CanvasProduct } from "./useCanvasProduct";
import { usePreflight } from "./usePreflight";

type Props = { canvasId: string; canvasName: string; me: Me };

/**
 * The editor with the features built on it: generation's dock, and the goods (the product's
 * artboards and their switch, the product panel with the live mockup, DPI badges, the preflight
 * tab, and the studio drawer that sells the design and renders its mockups and print files).
 */
export default function DesignEditor({ canvasId, canvasName, me }: Props) {
  const { t } = useI18n();
  // The document's announcements reach this query through ProductBinding, inside the editor.
  const bound = useCanvasProduct(canvasId, null);
  const canEdit = me.role !== "viewer";
  return (
    <Editor
      canvasId={canvasId}
      canvasName={canvasName}
      me={me}
      slots={{
        dock: generationDock(canvasId, me, { label: t("generate.title"), toggleLabel: t("generate.toggle") }),
        stage: (
          <>
            <ProductBinding canvasId={canvasId} />
            <AreaSwitch />
          </>
        ),
        overlay: bound && <DpiBadges canvasId={canvasId} product={bound.product} canEdit={canEdit} />,
        side: (
          <ProductPanel
            canvasId={canvasId}
            bound={bound}
            canEdit={canEdit}
            studio={bound && <ProductStudio canvasId={canvasId} canvasName={canvasName} bound={bound} isOwner={me.role === "owner"} canEdit={canEdit} />}
          />
        ),
        tabs: bound ? [{ value: "preflight", label: t("goods.tab.preflight"), panel: <Preflight canvasId={canvasId} bound={bound} canEdit={canEdit} /> }] : [],
      }}
    />
  );
}

function Preflight({ canvasId, bound, canEdit }: { canvasId: string; bound: NonNullable<CanvasProduct>; canEdit: boolean }) {
  return <PreflightPanel canvasId={canvasId} product={bound.product} issues={usePreflight(canvasId, bound)} canEdit={canEdit} />;
}
