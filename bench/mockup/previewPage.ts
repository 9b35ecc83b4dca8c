import Konva from "konva";
import { printPixelsIn, renderMockup, type MakeCanvas } from "@/domain/mockup/renderMockup";

/**
 * In the browser: a design on a tee's front artboard in a Konva stage, and the live preview's
 * redraw (snapshot of the artboard, its pixels, the mockup) timed frame by frame beside a flat
 * preview (the snapshot drawn into the same canvas, no product, no warp).
 */
declare global {
  interface Window {
    runPreviewBench(frames: number): Promise<{ ours: number[]; flat: number[] }>;
  }
}

const ARTBOARD = { x: 0, y: 0, width: 900, height: 1200 };

/** What the editor's artboard snapshot does (the stage's group drawn at the preview's size). */
function artboardSnapshot(group: Konva.Group, camera: { x: number; y: number; scale: number }, box: typeof ARTBOARD, width: number): HTMLCanvasElement {
  const k = camera.scale;
  return group.toCanvas({ x: camera.x + box.x * k, y: camera.y + box.y * k, width: box.width * k, height: box.height * k, pixelRatio: width / (box.width * k) }) as HTMLCanvasElement;
}

window.runPreviewBench = async (frames) => {
  const host = document.createElement("div");
  document.body.append(host);
  const stage = new Konva.Stage({ container: host, width: 1280 - 320 - 300, height: 744 });
  const layer = new Konva.Layer();
  const group = new Konva.Group();
  layer.add(group);
  stage.add(layer);
  const scale = 0.55;
  stage.scale({ x: scale, y: scale });
  for (let i = 0; i < 40; i++) {
    group.add(new Konva.Rect({ x: (i * 53) % 800, y: (i * 97) % 1100, width: 120, height: 90, fill: `hsl(${i * 37}, 70%, 55%)`, rotation: i * 7, cornerRadius: 2 }));
  }
  group.add(new Konva.Text({ x: 100, y: 900, text: "SUMMER TOUR 2026", fontSize: 72, fontStyle: "bold", fill: "#111" }));
  const target = document.createElement("canvas");
  const size = Math.round(276 * window.devicePixelRatio);
  target.width = target.height = size;
  document.body.append(target);
  const make: MakeCanvas = (w, h) => Object.assign(document.createElement("canvas"), { width: w, height: h });
  const camera = { x: 0, y: 0, scale };
  const aspect = 304.8 / 406.4;
  const want = printPixelsIn({ kind: "tshirt", areaName: "Front", aspect, size });
  const ours: number[] = [];
  const flat: number[] = [];
  for (let f = 0; f < frames + 10; f++) {
    // Each frame an edit: one shape moves, as a drag would.
    group.getChildren()[f % 40]!.x(((f * 13) % 700) + 20);
    let t0 = performance.now();
    const art = artboardSnapshot(group, camera, ARTBOARD, want.width);
    const print = art.getContext("2d")!.getImageData(0, 0, art.width, art.height);
    renderMockup({ kind: "tshirt", areaName: "Front", aspect, colorHex: "#22304f", print, size }, make, target);
    const a = performance.now() - t0;
    t0 = performance.now();
    const snap = artboardSnapshot(group, camera, ARTBOARD, want.width);
    const ctx = target.getContext("2d")!;
    ctx.clearRect(0, 0, size, size);
    ctx.drawImage(snap, (size - snap.width) / 2, 0);
    ctx.getImageData(0, 0, 1, 1);
    const b = performance.now() - t0;
    // The first frames build the warp map and warm the JIT.
    if (f >= 10) ours.push(a), flat.push(b);
    await new Promise((r) => requestAnimationFrame(r));
  }
  return { ours, flat };
};
