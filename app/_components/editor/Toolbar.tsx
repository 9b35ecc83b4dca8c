"use client";

import { ActionIcon, Divider, Paper, Stack, Tooltip } from "@mantine/core";
import { IconArrowUpRight, IconCircle, IconHandStop, IconLine, IconPencil, IconPhoto, IconPointer, IconSquare, IconTypography } from "@tabler/icons-react";
import type { ToolId } from "./tools";

const TOOLS: { id: ToolId; label: string; key: string; icon: typeof IconPointer }[] = [
  { id: "select", label: "Select", key: "V", icon: IconPointer },
  { id: "hand", label: "Hand", key: "H", icon: IconHandStop },
  { id: "rect", label: "Rectangle", key: "R", icon: IconSquare },
  { id: "ellipse", label: "Ellipse", key: "O", icon: IconCircle },
  { id: "text", label: "Text", key: "T", icon: IconTypography },
  { id: "line", label: "Line", key: "L", icon: IconLine },
  { id: "arrow", label: "Arrow", key: "A", icon: IconArrowUpRight },
  { id: "draw", label: "Draw", key: "P", icon: IconPencil },
];

export function Toolbar({ tool, setTool, readOnly, onImage }: { tool: ToolId; setTool: (t: ToolId) => void; readOnly: boolean; onImage: () => void }) {
  const tools = readOnly ? TOOLS.slice(0, 2) : TOOLS;
  return (
    <Paper shadow="md" radius="lg" p={6} withBorder style={{ position: "absolute", left: 12, top: "50%", transform: "translateY(-50%)", zIndex: 5 }}>
      <Stack gap={4}>
        {tools.map((t, i) => (
          <div key={t.id}>
            {i === 2 && <Divider my={4} />}
            <Tooltip label={`${t.label} (${t.key})`} position="right">
              <ActionIcon size={36} radius="md" variant={tool === t.id ? "filled" : "subtle"} color={tool === t.id ? "violet" : "gray"} aria-label={t.label} aria-pressed={tool === t.id} onClick={() => setTool(t.id)}>
                <t.icon size={19} />
              </ActionIcon>
            </Tooltip>
          </div>
        ))}
        {!readOnly && (
          <Tooltip label="Image (upload, drop or paste)" position="right">
            <ActionIcon size={36} radius="md" variant="subtle" color="gray" aria-label="Image" onClick={onImage}>
              <IconPhoto size={19} />
            </ActionIcon>
          </Tooltip>
        )}
      </Stack>
    </Paper>
  );
}
