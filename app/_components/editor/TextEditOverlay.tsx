"use client";

import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { SHAPE_LIMITS } from "@/domain/document/shape";
import type { DocumentWriter } from "./store/documentWriter";
import type { Camera } from "./store/geometry";
import type { Shape } from "./store/shapeTypes";
import { fontStack } from "./fonts";
import { textWidth } from "./shapes/text/textWidth";

/** Inline text editing: a textarea laid exactly over the text shape, committed on blur or Escape. */
export function TextEditOverlay(props: { writer: DocumentWriter; shape: Shape; isNew: boolean; camera: Camera; onDone: (id: string | null) => void }) {
  const { writer, shape, isNew, camera, onDone } = props;
  const { t } = useI18n();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(shape.text ?? "");
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  // An auto-width box grows as one types; a fixed one wraps in its width.
  const width = shape.autoWidth ? textWidth(shape, value || " ") : shape.width;
  const commit = () => {
    const height = (shape.fontSize ?? 40) * 1.2 * Math.max(1, value.split("\n").length);
    // A new text box becomes a shape only once it has text; emptying an old one removes it.
    if (!value.trim()) {
      if (!isNew) writer.deleteShapes([shape.id]);
      onDone(null);
      return;
    }
    if (isNew) writer.addShapes([{ ...shape, text: value, height, width }]);
    else writer.updateShapes([shape.id], { text: value, height, width });
    onDone(shape.id);
  };
  const fontSize = (shape.fontSize ?? 40) * camera.scale;
  return (
    <textarea
      ref={ref}
      aria-label={t("editor.text.edit")}
      value={value}
      maxLength={SHAPE_LIMITS.text}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape" || (e.key === "Enter" && (e.metaKey || e.ctrlKey))) commit();
      }}
      style={{
        position: "absolute",
        left: camera.x + shape.x * camera.scale,
        top: camera.y + shape.y * camera.scale,
        width: width * camera.scale,
        whiteSpace: shape.autoWidth ? "pre" : "pre-wrap",
        minHeight: fontSize * 1.3,
        transform: `rotate(${shape.rotation}deg)`,
        transformOrigin: "top left",
        fontSize,
        lineHeight: 1.2,
        fontFamily: fontStack(shape.fontFamily),
        fontWeight: shape.fontStyle?.includes("bold") ? 700 : 400,
        fontStyle: shape.fontStyle?.includes("italic") ? "italic" : "normal",
        textAlign: shape.align ?? "left",
        color: shape.fill,
        background: "transparent",
        border: "1px dashed var(--mantine-color-violet-5)",
        outline: "none",
        resize: "none",
        overflow: "hidden",
        padding: 0,
        margin: 0,
        zIndex: 10,
      }}
    />
  );
}
