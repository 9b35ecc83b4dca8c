"use client";

import type Konva from "konva";
import { useMemo, useRef } from "react";
import type { EditorStore } from "../store/editorStore";
import { PanGesture } from "../tools/gestures/panGesture";
import { PinchGesture } from "../tools/gestures/pinchGesture";
import { wheelCamera } from "../tools/gestures/wheelGesture";
import type { Tool } from "../tools/tool";

type PointerEvt = Konva.KonvaEventObject<PointerEvent>;

/**
 * Turns the stage's pointer and wheel events into gestures (pinch, pan, wheel) and tool input.
 * All decisions live in the DOM-free gestures and tools; this only reads positions off events.
 */
export function useStageInput(store: EditorStore, tool: () => Tool, onCursor: (p: { x: number; y: number } | null) => void) {
  const pinch = useRef(new PinchGesture()).current;
  const pan = useRef(new PanGesture()).current;
  const latest = useRef({ tool, onCursor });
  latest.current = { tool, onCursor };

  return useMemo(() => {
    const screenOf = (e: PointerEvt) => {
      const rect = e.target.getStage()!.container().getBoundingClientRect();
      return { x: e.evt.clientX - rect.left, y: e.evt.clientY - rect.top };
    };
    const info = (e: PointerEvt) => {
      const screen = e.target.getStage()!.getPointerPosition() ?? { x: 0, y: 0 };
      return { screen, world: store.screenToWorld(screen), shift: e.evt.shiftKey, targetId: e.target.hasName("shape") ? e.target.id() : null };
    };
    return {
      onPointerDown: (e: PointerEvt) => {
        if (pinch.down(e.evt.pointerId, e.evt.pointerType === "touch", screenOf(e), store.camera())) {
          latest.current.tool().cancel(store);
          pan.end();
          return;
        }
        if (pinch.claiming) return;
        if (e.target.getParent()?.className === "Transformer") return latest.current.tool().grabHandle?.(store);
        if (store.getState().spacePan || e.evt.button === 1) {
          pan.start(e.target.getStage()!.getPointerPosition() ?? { x: 0, y: 0 });
          return;
        }
        if (e.evt.button !== 0) return;
        latest.current.tool().down(store, info(e));
      },
      onPointerMove: (e: PointerEvt) => {
        const pinched = pinch.move(e.evt.pointerId, screenOf(e));
        if (pinched) return store.moveCamera(pinched);
        if (pinch.claiming) return;
        const i = info(e);
        latest.current.onCursor(i.world);
        const panned = pan.move(store.camera(), i.screen);
        if (panned) return store.moveCamera(panned);
        latest.current.tool().move(store, i);
      },
      onPointerUp: (e: PointerEvt) => {
        if (pinch.up(e.evt.pointerId)) return;
        if (pan.active) return pan.end();
        latest.current.tool().up(store, info(e));
      },
      onPointerCancel: (e: PointerEvt) => {
        pinch.cancel(e.evt.pointerId);
        pan.end();
        latest.current.tool().cancel(store);
      },
      onPointerLeave: () => latest.current.onCursor(null),
      onWheel: (e: Konva.KonvaEventObject<WheelEvent>) => {
        e.evt.preventDefault();
        const pointer = e.target.getStage()!.getPointerPosition() ?? { x: 0, y: 0 };
        store.moveCamera(wheelCamera(store.camera(), pointer, e.evt));
      },
    };
  }, [store, pinch, pan]);
}
