import type { Action } from "./action";

export const viewActions: Action[] = [
  { id: "front", label: "editor.action.front", shortcut: "⇧⌘]", keys: [{ key: "]", mod: true, shift: true }, { key: "}", mod: true, shift: true }], edits: true, run: (api) => api.reorder("front") },
  { id: "forward", label: "editor.action.forward", shortcut: "⌘]", keys: [{ key: "]", mod: true }], edits: true, run: (api) => api.reorder("forward") },
  { id: "backward", label: "editor.action.backward", shortcut: "⌘[", keys: [{ key: "[", mod: true }], edits: true, run: (api) => api.reorder("backward") },
  { id: "back", label: "editor.action.back", shortcut: "⇧⌘[", keys: [{ key: "[", mod: true, shift: true }, { key: "{", mod: true, shift: true }], edits: true, run: (api) => api.reorder("back") },
  { id: "zoomIn", label: "editor.action.zoomIn", shortcut: "⌘+", keys: [{ key: "=", mod: true }, { key: "+", mod: true }], edits: false, run: (api) => api.zoomBy(1.25) },
  { id: "zoomOut", label: "editor.action.zoomOut", shortcut: "⌘−", keys: [{ key: "-", mod: true }], edits: false, run: (api) => api.zoomBy(0.8) },
  { id: "zoomFit", label: "editor.action.zoomFit", shortcut: "⇧1", keys: [{ key: "!", shift: true }, { key: "1", shift: true }], edits: false, run: (api) => api.zoomToFit() },
  { id: "zoom100", label: "editor.action.zoom100", shortcut: "⇧0", keys: [{ key: ")", shift: true }, { key: "0", shift: true }], edits: false, run: (api) => api.zoomTo100() },
  { id: "export1", label: "editor.action.export1", shortcut: "⇧⌘E", keys: [{ key: "e", mod: true, shift: true }], edits: false, run: (api) => api.exportPng(1) },
  { id: "export2", label: "editor.action.export2", shortcut: "", keys: [], edits: false, run: (api) => api.exportPng(2) },
  { id: "help", label: "editor.action.help", shortcut: "?", keys: [{ key: "?", shift: true }], edits: false, run: (api) => api.toggleHelp() },
];

export const toolActions: Action[] = (
  [
    ["select", "editor.tool.select", "V"],
    ["hand", "editor.tool.handHint", "H"],
    ["rect", "editor.tool.rect", "R"],
    ["ellipse", "editor.tool.ellipse", "O"],
    ["text", "editor.tool.text", "T"],
    ["line", "editor.tool.line", "L"],
    ["arrow", "editor.tool.arrow", "A"],
    ["draw", "editor.tool.draw", "P"],
  ] as const
).map(([tool, label, key]) => ({
  id: `tool.${tool}`,
  label,
  shortcut: key,
  keys: [{ key: key.toLowerCase() }],
  edits: tool !== "select" && tool !== "hand",
  run: (api) => api.setTool(tool),
}));
