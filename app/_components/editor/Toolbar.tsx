"use client";

import { ActionIcon, Divider, Paper, Stack, Tooltip } from "@mantine/core";
import { IconArrowUpRight, IconCircle, IconHandStop, IconLine, IconPencil, IconPhoto, IconPointer, IconSquare, IconTypography } from "@tabler/icons-react";
import type { EditorMessageKey } from "@/domain/i18n/messages/editor.en";
import { useI18n } from "../../_i18n/I18nProvider";
import type { ToolId } from "./tools";

const TOOLS: { id: ToolId; label: EditorMessageKey; key: string; icon: typeof IconPointer }[] = [
  { id: "select", label: "editor.tool.select", key: "V", icon: IconPointer },
  { id: "hand", label: "editor.tool.hand", key: "H", icon: IconHandStop },
  { id: "rect", label: "editor.tool.rect", key: "R", icon: IconSquare },
  { id: "ellipse", label: "editor.tool.ellipse", key: "O", icon: IconCircle },
  { id: "text", label: "editor.tool.text", key: "T", icon: IconTypography },
  { id: "line", label: "editor.tool.line", key: "L", icon: IconLine },
  { id: "arrow", label: "editor.tool.arrow", key: "A", icon: IconArrowUpRight },
  { id: "draw", label: "editor.tool.draw", key: "P", icon: IconPencil },
];

export function Toolbar({ tool, setTool, readOnly, onImage }: { tool: ToolId; setTool: (t: ToolId) => void; readOnly: boolean; onImage: () => void }) {
  const { t } = useI18n();
  const tools = readOnly ? TOOLS.slice(0, 2) : TOOLS;
  return (
    <Paper shadow="md" radius="lg" p={6} withBorder style={{ position: "absolute", left: 12, top: "50%", transform: "translateY(-50%)", zIndex: 5 }}>
      <Stack gap={4}>
        {tools.map((item, i) => (
          <div key={item.id}>
            {i === 2 && <Divider my={4} />}
            <Tooltip label={`${t(item.label)} (${item.key})`} position="right">
              <ActionIcon size={36} radius="md" variant={tool === item.id ? "filled" : "subtle"} color={tool === item.id ? "violet" : "gray"} aria-label={t(item.label)} aria-pressed={tool === item.id} onClick={() => setTool(item.id)}>
                <item.icon size={19} />
              </ActionIcon>
            </Tooltip>
          </div>
        ))}
        {!readOnly && (
          <Tooltip label={t("editor.tool.imageHint")} position="right">
            <ActionIcon size={36} radius="md" variant="subtle" color="gray" aria-label={t("editor.tool.image")} onClick={onImage}>
              <IconPhoto size={19} />
            </ActionIcon>
          </Tooltip>
        )}
      </Stack>
    </Paper>
  );
}
