"use client";

import { useI18n } from "../../_i18n/I18nProvider";
import Editor from "../editor/Editor";
import { generationDock } from "../generate/generationDock";
import type { Me } from "../editor/EditorLayout";
import { useEditorStore } from "../editor/store/useEditor";
import { AreaSwitch } from "./AreaSwitch";
import { DpiBadges } from "./DpiBadges";
import { MockupsPanel } from "./MockupsPanel";
import { PreflightPanel } from "./PreflightPanel";
import { PrintFilesPanel } from "./PrintFilesPanel";
import { ProductBinding } from "./ProductBinding";
import { ProductPanel } from "./ProductPanel";
import { SellPanel } from "./SellPanel";
import { useCanvasProduct, type CanvasProduct } from "./useCanvasProduct";
import { usePreflight } from "./usePreflight";

type Props = { canvasId: string; canvasName: string; me: Me };

/**
 * The editor with the features built on it: generation's dock, and the goods (the product's
 * artboards and their switch, the product panel with the live mockup, DPI badges, and the
 * preflight, print-file, mockup and sell tabs).
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
        side: <ProductPanel canvasId={canvasId} bound={bound} canEdit={canEdit} />,
        tabs: bound
          ? [
              { value: "preflight", label: t("goods.tab.preflight"), panel: <Preflight canvasId={canvasId} bound={bound} canEdit={canEdit} /> },
              { value: "print", label: t("goods.tab.print"), panel: <PrintFilesPanel canvasId={canvasId} product={bound.product} canEdit={canEdit} /> },
              { value: "mockups", label: t("goods.tab.mockups"), panel: <MockupsPanel key={bound.product.id} canvasId={canvasId} product={bound.product} variant={bound.variant} canEdit={canEdit} /> },
              ...(me.role === "owner" ? [{ value: "sell", label: t("shopAdmin.tab.sell"), panel: <SellPanel canvasId={canvasId} canvasName={canvasName} bound={bound} /> }] : []),
            ]
          : [],
      }}
    />
  );
}

function Preflight({ canvasId, bound, canEdit }: { canvasId: string; bound: NonNullable<CanvasProduct>; canEdit: boolean }) {
  return <PreflightPanel canvasId={canvasId} product={bound.product} issues={usePreflight(canvasId, bound)} canEdit={canEdit} />;
}
