import { floorShadow, luminance, seam, studio, tone, trace } from "./paint";
import type { ProductArt } from "./productArt";

/** The mug's cylinder in scene units: centre, radius, rim and base, and the rim's ellipse. */
export const MUG = { cx: 480, r: 190, top: 300, bottom: 770, ry: 36 } as const;

export const mugArt: ProductArt = {
  backdrop(ctx) {
    studio(ctx, "#e7e9ec");
    floorShadow(ctx, 520, MUG.bottom + 16, 300, 34, 0.3);
  },
  folds: [],
  body(ctx, color) {
    const { cx, r, top, bottom, ry } = MUG;
    // The handle, beside the body (the body hides its inner end).
    ctx.save();
    ctx.lineWidth = 40;
    ctx.lineCap = "round";
    const h = ctx.createLinearGradient(640, 0, 790, 0);
    h.addColorStop(0, tone(color, -0.35));
    h.addColorStop(0.55, tone(color, luminance(color) > 0.5 ? -0.02 : 0.18));
    h.addColorStop(1, tone(color, -0.3));
    ctx.strokeStyle = h;
    ctx.beginPath();
    ctx.ellipse(cx + r - 8, (top + bottom) / 2 + 10, 105, 150, 0, -Math.PI / 2.25, Math.PI / 2.25);
    ctx.stroke();
    ctx.restore();
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.ellipse(cx, bottom, r, ry, 0, 0, Math.PI);
    ctx.lineTo(cx - r, top);
    ctx.ellipse(cx, top, r, ry, 0, Math.PI, 0, true);
    ctx.closePath();
    ctx.fill();
  },
  overlay(ctx, color) {
    const { cx, r, top, ry } = MUG;
    // Inside the mug: a glazed hollow, darker towards the back.
    const inside = ctx.createLinearGradient(0, top - ry, 0, top + ry);
    const dark = luminance(color) < 0.3;
    inside.addColorStop(0, dark ? "#111" : tone("#ffffff", -0.3));
    inside.addColorStop(1, dark ? "#2a2a2a" : "#f4f4f2");
    ctx.fillStyle = inside;
    ctx.beginPath();
    ctx.ellipse(cx, top, r - 10, ry - 5, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = dark ? "rgba(255,255,255,0.35)" : "rgba(255,255,255,0.9)";
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.ellipse(cx, top, r - 4, ry - 2, 0, 0, Math.PI * 2);
    ctx.stroke();
  },
};

const TOTE = "M 262 392 L 738 392 L 752 880 L 248 880 Z";
export const toteArt: ProductArt = {
  backdrop(ctx) {
    studio(ctx, "#e8e6e1");
    floorShadow(ctx, 500, 884, 300, 22, 0.22);
  },
  folds: [
    { ax: 300, ay: 420, bx: 330, by: 620, height: 0.5, width: 40 },
    { ax: 700, ay: 430, bx: 660, by: 700, height: 0.45, width: 40 },
    { ax: 420, ay: 760, bx: 560, by: 860, height: -0.4, width: 30 },
  ],
  body(ctx, color) {
    ctx.save();
    ctx.lineWidth = 26;
    ctx.strokeStyle = tone(color, -0.28);
    trace(ctx, "M 352 396 C 350 150, 650 150, 648 396").stroke();
    ctx.strokeStyle = tone(color, -0.06);
    trace(ctx, "M 378 396 C 378 185, 622 185, 622 396").stroke();
    ctx.restore();
    ctx.fillStyle = color;
    trace(ctx, TOTE).fill();
    ctx.save();
    trace(ctx, TOTE).clip();
    const g = ctx.createLinearGradient(248, 0, 752, 0);
    g.addColorStop(0, "rgba(0,0,0,0.14)");
    g.addColorStop(0.35, "rgba(255,255,255,0.05)");
    g.addColorStop(1, "rgba(0,0,0,0.16)");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 1000, 1000);
    ctx.fillStyle = "rgba(0,0,0,0.06)";
    ctx.fillRect(240, 392, 520, 28);
    ctx.restore();
  },
  overlay(ctx, color) {
    const t = tone(color, luminance(color) > 0.35 ? -0.3 : 0.25);
    seam(ctx, "M 262 420 L 738 420 M 364 396 L 364 430 M 392 396 L 392 430 M 608 396 L 608 430 M 636 396 L 636 430", t);
  },
};

export const POSTER = { x: 292, y: 150, width: 416, height: 588 } as const;
export const posterArt: ProductArt = {
  backdrop(ctx) {
    studio(ctx, "#dcdad5");
    ctx.save();
    ctx.shadowColor = "rgba(0,0,0,0.28)";
    ctx.shadowBlur = 36;
    ctx.shadowOffsetY = 16;
    ctx.fillStyle = "#fff";
    ctx.fillRect(POSTER.x, POSTER.y, POSTER.width, POSTER.height);
    ctx.restore();
  },
  folds: [],
  body(ctx) {
    ctx.fillStyle = "#fbfbf9";
    ctx.fillRect(POSTER.x, POSTER.y, POSTER.width, POSTER.height);
  },
  overlay(ctx) {
    // Matte paper still catches a soft diagonal sheen.
    const g = ctx.createLinearGradient(POSTER.x, POSTER.y, POSTER.x + POSTER.width, POSTER.y + POSTER.height);
    g.addColorStop(0, "rgba(255,255,255,0.0)");
    g.addColorStop(0.32, "rgba(255,255,255,0.16)");
    g.addColorStop(0.45, "rgba(255,255,255,0.0)");
    g.addColorStop(1, "rgba(0,0,0,0.05)");
    ctx.fillStyle = g;
    ctx.fillRect(POSTER.x, POSTER.y, POSTER.width, POSTER.height);
    for (const x of [POSTER.x + 40, POSTER.x + POSTER.width - 76]) {
      ctx.fillStyle = "#2b2b2b";
      ctx.fillRect(x, POSTER.y - 10, 36, 24);
      ctx.fillStyle = "rgba(255,255,255,0.25)";
      ctx.fillRect(x + 3, POSTER.y - 8, 30, 4);
    }
  },
};

export const SHEET = { x: 310, y: 170, width: 380, height: 540 } as const;
export const stickersArt: ProductArt = {
  backdrop(ctx) {
    studio(ctx, "#e4e7ea");
    ctx.save();
    ctx.shadowColor = "rgba(0,0,0,0.22)";
    ctx.shadowBlur = 28;
    ctx.shadowOffsetY = 12;
    ctx.fillStyle = "#fff";
    ctx.beginPath();
    ctx.roundRect(SHEET.x, SHEET.y, SHEET.width, SHEET.height, 10);
    ctx.fill();
    ctx.restore();
  },
  folds: [],
  body(ctx, color) {
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.roundRect(SHEET.x, SHEET.y, SHEET.width, SHEET.height, 10);
    ctx.fill();
  },
  overlay(ctx) {
    const g = ctx.createLinearGradient(SHEET.x, SHEET.y, SHEET.x + SHEET.width, SHEET.y + SHEET.height);
    g.addColorStop(0, "rgba(255,255,255,0)");
    g.addColorStop(0.4, "rgba(255,255,255,0.22)");
    g.addColorStop(0.55, "rgba(255,255,255,0)");
    ctx.fillStyle = g;
    ctx.beginPath();
    ctx.roundRect(SHEET.x, SHEET.y, SHEET.width, SHEET.height, 10);
    ctx.fill();
  },
};

export const CASE = { x: 385, y: 150, width: 230, height: 484, radius: 40 } as const;
export const phoneCaseArt: ProductArt = {
  backdrop(ctx) {
    studio(ctx, "#e6e4e8");
    ctx.save();
    ctx.shadowColor = "rgba(0,0,0,0.3)";
    ctx.shadowBlur = 40;
    ctx.shadowOffsetX = 14;
    ctx.shadowOffsetY = 22;
    ctx.fillStyle = "#000";
    ctx.beginPath();
    ctx.roundRect(CASE.x, CASE.y, CASE.width, CASE.height, CASE.radius);
    ctx.fill();
    ctx.restore();
  },
  folds: [],
  body(ctx, color) {
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.roundRect(CASE.x, CASE.y, CASE.width, CASE.height, CASE.radius);
    ctx.fill();
  },
  overlay(ctx, color) {
    ctx.save();
    ctx.strokeStyle = tone(color, luminance(color) > 0.5 ? -0.25 : 0.18);
    ctx.lineWidth = 7;
    ctx.beginPath();
    ctx.roundRect(CASE.x + 3, CASE.y + 3, CASE.width - 6, CASE.height - 6, CASE.radius - 3);
    ctx.stroke();
    // The camera cut-out and its lenses.
    ctx.shadowColor = "rgba(0,0,0,0.35)";
    ctx.shadowBlur = 8;
    ctx.fillStyle = "#1f1f22";
    ctx.beginPath();
    ctx.roundRect(CASE.x + 16, CASE.y + 16, 96, 100, 26);
    ctx.fill();
    ctx.shadowBlur = 0;
    for (const [x, y] of [[CASE.x + 42, CASE.y + 42], [CASE.x + 42, CASE.y + 90], [CASE.x + 86, CASE.y + 66]] as const) {
      ctx.fillStyle = "#0c0c0e";
      ctx.beginPath();
      ctx.arc(x, y, 17, 0, Math.PI * 2);
      ctx.fill();
      ctx.strokeStyle = "#55555c";
      ctx.lineWidth = 3;
      ctx.stroke();
      ctx.fillStyle = "rgba(120,140,200,0.35)";
      ctx.beginPath();
      ctx.arc(x - 4, y - 4, 5, 0, Math.PI * 2);
      ctx.fill();
    }
    const g = ctx.createLinearGradient(CASE.x, CASE.y, CASE.x + CASE.width, CASE.y + CASE.height * 0.6);
    g.addColorStop(0, "rgba(255,255,255,0.0)");
    g.addColorStop(0.42, "rgba(255,255,255,0.20)");
    g.addColorStop(0.5, "rgba(255,255,255,0.0)");
    ctx.fillStyle = g;
    ctx.beginPath();
    ctx.roundRect(CASE.x, CASE.y, CASE.width, CASE.height, CASE.radius);
    ctx.fill();
    ctx.restore();
  },
};
