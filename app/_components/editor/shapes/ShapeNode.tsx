"use client";

import { memo } from "react";
import type { Shape } from "../store/shapeTypes";
import { SHAPE_VIEWS } from "./shapeViews";

type Props = {
  shape: Shape;
  editingText: boolean;
  /** Show transparency as a checkerboard (a free artboard) rather than the product's colour. */
  checkerboard: boolean;
  onDblClick?: (id: string) => void;
};

/**
 * One shape drawn with Konva; it only reads the record. Memoised: a shape re-renders only when its
 * own record changes, so panning or editing one shape does not re-render thousands.
 */
export const ShapeNode = memo(function ShapeNode({ shape: s, editingText, checkerboard, ...events }: Props) {
  const common = {
    id: s.id,
    name: "shape",
    x: s.x,
    y: s.y,
    rotation: s.rotation,
    opacity: s.opacity,
    visible: !s.hidden,
    listening: !s.hidden,
    // No offscreen buffer for translucent fill+stroke and no stroke shadow: both cost a pass per shape.
    perfectDrawEnabled: false,
    shadowForStrokeEnabled: false,
    onDblClick: events.onDblClick && (() => events.onDblClick!(s.id)),
    onDblTap: events.onDblClick && (() => events.onDblClick!(s.id)),
  };
  const View = SHAPE_VIEWS[s.type];
  return <View shape={s} common={common} editingText={editingText} checkerboard={checkerboard} />;
});
