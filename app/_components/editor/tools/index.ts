import { HandTool } from "./handTool";
import { PathTool } from "./pathTool";
import { SelectTool } from "./select/selectTool";
import { ShapeTool } from "./shapeTool";
import { TextTool } from "./textTool";
import type { Tool, ToolId } from "./tool";

export function createTools(): Record<ToolId, Tool> {
  return {
    select: new SelectTool(),
    hand: new HandTool(),
    rect: new ShapeTool("rect"),
    ellipse: new ShapeTool("ellipse"),
    text: new TextTool(),
    line: new PathTool("line"),
    arrow: new PathTool("arrow"),
    draw: new PathTool("draw"),
  };
}

export type { Tool, ToolContext, ToolId } from "./tool";
