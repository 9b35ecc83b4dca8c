import type { Action } from "./action";

export const viewActions: Action[] = [
  { id: "front", label: "Bring to front", shortcut: "⇧⌘]", keys: [{ key: "]", mod: true, shift: true }, { key: "}", mod: true, shift: true }], edits: true, run: (api) => api.reorder("front") },
  { id: "forward", label: "Bring forward", shortcut: "⌘]", keys: [{ key: "]", mod: true }], edits: true, run: (api) => api.reorder("forward") },
  { id: "backward", label: "Send backward", shortcut: "⌘[", keys: [{ key: "[", mod: true }], edits: true, run: (api) => api.reorder("backward") },
  { id: "back", label: "Send to back", shortcut: "⇧⌘[", keys: [{ key: "[", mod: true, shift: true }, { key: "{", mod: true, shift: true }], edits: true, run: (api) => api.reorder("back") },
  { id: "zoomIn", label: "Zoom in", shortcut: "⌘+", keys: [{ key: "=", mod: true }, { key: "+", mod: true }], edits: false, run: (api) => api.zoomBy(1.25) },
  { id: "zoomOut", label: "Zoom out", shortcut: "⌘−", keys: [{ key: "-", mod: true }], edits: false, run: (api) => api.zoomBy(0.8) },
  { id: "zoomFit", label: "Zoom to fit", shortcut: "⇧1", keys: [{ key: "!", shift: true }, { key: "1", shift: true }], edits: false, run: (api) => api.zoomToFit() },
  { id: "zoom100", label: "Zoom to 100 %", shortcut: "⇧0", keys: [{ key: ")", shift: true }, { key: "0", shift: true }], edits: false, run: (api) => api.zoomTo100() },
  { id: "export1", label: "Export PNG 1×", shortcut: "⇧⌘E", keys: [{ key: "e", mod: true, shift: true }], edits: false, run: (api) => api.exportPng(1) },
  { id: "export2", label: "Export PNG 2×", shortcut: "", keys: [], edits: false, run: (api) => api.exportPng(2) },
  { id: "help", label: "Keyboard shortcuts", shortcut: "?", keys: [{ key: "?", shift: true }], edits: false, run: (api) => api.toggleHelp() },
];

export const toolActions: Action[] = (
  [
    ["select", "Select", "V"],
    ["hand", "Hand (or hold Space)", "H"],
    ["rect", "Rectangle", "R"],
    ["ellipse", "Ellipse", "O"],
    ["text", "Text", "T"],
    ["line", "Line", "L"],
    ["arrow", "Arrow", "A"],
    ["draw", "Draw", "P"],
  ] as const
).map(([tool, label, key]) => ({
  id: `tool.${tool}`,
  label,
  shortcut: key,
  keys: [{ key: key.toLowerCase() }],
  edits: tool !== "select" && tool !== "hand",
  run: (api) => api.setTool(tool),
}));
