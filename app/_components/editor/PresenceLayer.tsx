"use client";

import { Group, Label, Path, Rect, Tag, Text } from "react-konva";
import type { PeerState } from "./collab/useCollaboration";
import { shapeBox, unionBox } from "./store/geometry";
import type { Shape } from "./store/shapeTypes";

/** Other people's cursors with their names, and an outline around what they have selected. */
export function PresenceLayer({ peers, shapes, scale }: { peers: PeerState[]; shapes: Shape[]; scale: number }) {
  return (
    <Group listening={false}>
      {peers.map((peer) => {
        const selected = shapes.filter((s) => peer.selection?.includes(s.id));
        const box = unionBox(selected.map(shapeBox));
        return (
          <Group key={peer.clientId}>
            {box && <Rect {...box} stroke={peer.user.color} strokeWidth={2 / scale} dash={[6 / scale, 4 / scale]} />}
            {peer.cursor && (
              <Group x={peer.cursor.x} y={peer.cursor.y} scaleX={1 / scale} scaleY={1 / scale}>
                <Path data="M0 0 L0 16 L4.5 12 L8 19 L10.5 18 L7 11 L13 11 Z" fill={peer.user.color} stroke="white" strokeWidth={1} />
                <Label x={12} y={16}>
                  <Tag fill={peer.user.color} cornerRadius={8} />
                  <Text text={peer.user.name} fill="white" fontSize={12} padding={4} fontStyle="bold" fontFamily="Inter, 'Noto Sans KR', sans-serif" />
                </Label>
              </Group>
            )}
          </Group>
        );
      })}
    </Group>
  );
}
