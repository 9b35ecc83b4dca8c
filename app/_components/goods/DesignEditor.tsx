"use client";

import Editor from "../editor/Editor";
import type { Me } from "../editor/EditorLayout";
import { useEditorStore } from "../editor/store/useEditor";
import { AreaSwitch } from "./AreaSwitch";
import { ProductBinding } from "./ProductBinding";
import { ProductPanel } from "./ProductPanel";
import { useCanvasProduct } from "./useCanvasProduct";

type Props = { canvasId: string; canvasName: string; me: Me };

/** The editor with the goods built on it: the product's artboards, the area switch and the product panel. */
export default function DesignEditor({ canvasId, canvasName, me }: Props) {
  return (
    <Editor
      canvasId={canvasId}
      canvasName={canvasName}
      me={me}
      slots={{
        stage: (
          <>
            <ProductBinding canvasId={canvasId} />
            <AreaSwitch />
          </>
        ),
        side: <SideProduct canvasId={canvasId} canEdit={me.role !== "viewer"} />,
      }}
    />
  );
}

function SideProduct({ canvasId, canEdit }: { canvasId: string; canEdit: boolean }) {
  const store = useEditorStore();
  const bound = useCanvasProduct(canvasId, store.canvas.doc);
  return <ProductPanel canvasId={canvasId} bound={bound} canEdit={canEdit} />;
}
