"use client";

import { Group, Label, Path, Rect, Tag, Text } from "react-konva";
import { useI18n } from "../../_i18n/I18nProvider";
import { UI_FONT_FAMILY } from "../ui/theme";
import type { PeerState } from "./collab/useCollaboration";
import { useFontsFor } from "./stage/useFontsFor";
import { shapeBox, unionBox } from "./store/geometry";
import type { Shape } from "./store/shapeTypes";

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
function readableOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.179 ? "#111111" : "#ffffff";
}

/**
 * Other people's cursors with their names, and an outline around what they have selected; your own
 * other tabs are labelled as you.
 */
export function PresenceLayer({ peers, shapes, scale }: { peers: PeerState[]; shapes: Shape[]; scale: number }) {
  const { t } = useI18n();
  const label = (peer: PeerState) => (peer.mine ? t("editor.peer.youElsewhere") : peer.user.name);
  const fonts = useFontsFor(UI_FONT_FAMILY, peers.map(label).join(""));
  return (
    <Group listening={false}>
      {peers.map((peer) => {
        const selected = shapes.filter((s) => peer.selection?.includes(s.id));
        const box = unionBox(selected.map(shapeBox));
        return (
          <Group key={peer.clientId}>
            {box && <Rect {...box} x={box.x + (peer.moving?.dx ?? 0)} y={box.y + (peer.moving?.dy ?? 0)} stroke={peer.user.color} strokeWidth={2 / scale} dash={[6 / scale, 4 / scale]} />}
            {peer.cursor && (
              <Group x={peer.cursor.x} y={peer.cursor.y} scaleX={1 / scale} scaleY={1 / scale}>
                <Path data="M0 0 L0 16 L4.5 12 L8 19 L10.5 18 L7 11 L13 11 Z" fill={peer.user.color} stroke="white" strokeWidth={1} />
                <Label key={fonts} x={12} y={16}>
                  <Tag fill={peer.user.color} cornerRadius={8} />
                  <Text text={label(peer)} fill={readableOn(peer.user.color)} fontSize={12} padding={4} fontStyle="bold" fontFamily={UI_FONT_FAMILY} />
                </Label>
              </Group>
            )}
          </Group>
        );
      })}
    </Group>
  );
}
