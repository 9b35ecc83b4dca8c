"use client";

import { Avatar, Indicator, Tooltip } from "@mantine/core";
import { useI18n } from "../../../_i18n/I18nProvider";
import { initials } from "../../ui/initials";
import type { PeerState } from "../collab/useCollaboration";

/** Who else is here (not you in another tab); a dot marks those whose cursor is on the canvas. */
export function PeerAvatars({ peers }: { peers: PeerState[] }) {
  const { t } = useI18n();
  const unique = [...new Map(peers.filter((p) => !p.mine).map((p) => [p.user.id, p])).values()];
  return (
    // Overlapping only a little: a full overlap hides the second initial ("AK" read as "AI").
    <Avatar.Group spacing={6}>
      {unique.map((p) => (
        <Tooltip key={p.user.id} label={t("editor.peer.here", { name: p.user.name })}>
          <Indicator color="teal" size={8} offset={4} disabled={!p.cursor} withBorder>
            <Avatar size={28} radius="xl" styles={{ placeholder: { fontSize: 11, letterSpacing: -0.2 } }} color={p.user.color} variant="filled" aria-label={t("editor.peer.here", { name: p.user.name })} data-testid="peer-avatar" data-has-cursor={p.cursor ? "true" : "false"} style={{ background: p.user.color }}>
              {initials(p.user.name)}
            </Avatar>
          </Indicator>
        </Tooltip>
      ))}
    </Avatar.Group>
  );
}
