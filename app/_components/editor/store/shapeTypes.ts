import { SHAPE_VERSION, type Shape, type ShapeType } from "@/domain/document/shape";
import { luminance } from "@/domain/mockup/art/paint";

export { SHAPE_TYPES, type Shape, type ShapeType } from "@/domain/document/shape";

export const DEFAULT_STYLE = { fill: "#7950f2", stroke: "#343a40", strokeWidth: 0, opacity: 1 } as const;

/** Ink that reads on a ground: near-black on light garments and paper, white on dark and saturated ones. */
export function inkOn(ground: string): string {
  return luminance(ground) > 0.55 ? "#212529" : "#ffffff";
}

export function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2);
}

export function makeShape(type: ShapeType, at: { x: number; y: number }, patch: Partial<Shape> = {}): Shape {
  const base: Shape = {
    v: SHAPE_VERSION,
    id: newId(),
    type,
    x: at.x,
    y: at.y,
    width: 1,
    height: 1,
    rotation: 0,
    opacity: 1,
    fill: type === "text" ? "#212529" : type === "line" || type === "arrow" || type === "draw" ? "transparent" : DEFAULT_STYLE.fill,
    stroke: type === "line" || type === "arrow" || type === "draw" ? "#212529" : DEFAULT_STYLE.stroke,
    strokeWidth: type === "line" || type === "arrow" ? 4 : type === "draw" ? 4 : 0,
    locked: false,
    hidden: false,
    name: type[0]!.toUpperCase() + type.slice(1),
    groupId: null,
  };
  if (type === "text") Object.assign(base, { text: "Text", fontSize: 40, fontFamily: "Inter", fontStyle: "bold", align: "left", width: 240, height: 48, autoWidth: true });
  return { ...base, ...patch };
}
