"use client";

import type Konva from "konva";
import { memo, useEffect, useState } from "react";
import { Arrow, Ellipse, Image as KonvaImage, Line, Rect, Text } from "react-konva";
import type { Shape } from "../store/shapeTypes";
import { fontStack } from "../fonts";
import { CHECKERED, checkerboardTile } from "../images/checkerboard";
import { useLoadedImage } from "../images/useLoadedImage";

type Props = {
  shape: Shape;
  draggable: boolean;
  editingText: boolean;
  onDragStart?: (e: Konva.KonvaEventObject<DragEvent>) => void;
  onDragMove?: (e: Konva.KonvaEventObject<DragEvent>) => void;
  onDragEnd?: (e: Konva.KonvaEventObject<DragEvent>) => void;
  onDblClick?: (id: string) => void;
};

/**
 * One shape drawn with Konva; it only reads the record. Memoised: a shape re-renders only when its
 * own record changes, so panning or editing one shape does not re-render thousands.
 */
export const ShapeNode = memo(function ShapeNode({ shape: s, draggable, editingText, ...events }: Props) {
  const common = {
    id: s.id,
    name: "shape",
    x: s.x,
    y: s.y,
    rotation: s.rotation,
    opacity: s.opacity,
    visible: !s.hidden,
    draggable: draggable && !s.locked,
    listening: !s.hidden,
    // No offscreen buffer for translucent fill+stroke and no stroke shadow: both cost a pass per shape.
    perfectDrawEnabled: false,
    shadowForStrokeEnabled: false,
    onDragStart: events.onDragStart,
    onDragMove: events.onDragMove,
    onDragEnd: events.onDragEnd,
    onDblClick: events.onDblClick && (() => events.onDblClick!(s.id)),
    onDblTap: events.onDblClick && (() => events.onDblClick!(s.id)),
  };
  const stroke = s.strokeWidth > 0 ? s.stroke : undefined;
  switch (s.type) {
    case "rect":
      return <Rect {...common} width={s.width} height={s.height} fill={s.fill} stroke={stroke} strokeWidth={s.strokeWidth} cornerRadius={2} />;
    case "ellipse":
      return <Ellipse {...common} radiusX={s.width / 2} radiusY={s.height / 2} fill={s.fill} stroke={stroke} strokeWidth={s.strokeWidth} />;
    case "text":
      return (
        <Text
          {...common}
          text={s.text ?? ""}
          width={s.width}
          fontSize={s.fontSize}
          fontFamily={fontStack(s.fontFamily)}
          fontStyle={s.fontStyle}
          align={s.align}
          fill={s.fill}
          stroke={stroke}
          strokeWidth={s.strokeWidth}
          opacity={editingText ? 0 : s.opacity}
          lineHeight={1.2}
        />
      );
    case "line":
    case "draw":
      return <Line {...common} points={s.points ?? []} stroke={s.stroke} strokeWidth={s.strokeWidth} lineCap="round" lineJoin="round" tension={s.type === "draw" ? 0.4 : 0} hitStrokeWidth={Math.max(12, s.strokeWidth)} />;
    case "arrow":
      return <Arrow {...common} points={s.points ?? []} stroke={s.stroke} fill={s.stroke} strokeWidth={s.strokeWidth} pointerLength={s.strokeWidth * 3} pointerWidth={s.strokeWidth * 3} lineCap="round" hitStrokeWidth={Math.max(12, s.strokeWidth)} />;
    case "image":
      return <ImageShape shape={s} common={common} />;
  }
});

function ImageShape({ shape: s, common }: { shape: Shape; common: Record<string, unknown> }) {
  const loaded = useLoadedImage(s.src);
  const checkered = !!loaded?.transparent;
  return (
    <KonvaImage
      {...common}
      image={loaded?.image}
      width={s.width}
      height={s.height}
      crop={s.crop ?? undefined}
      fill={loaded ? undefined : "#f1f3f5"}
      fillPatternImage={checkered ? (checkerboardTile() as unknown as HTMLImageElement) : undefined}
      {...{ [CHECKERED]: checkered }}
      stroke={s.strokeWidth > 0 ? s.stroke : undefined}
      strokeWidth={s.strokeWidth}
    />
  );
}
