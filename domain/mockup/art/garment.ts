import type { ViewSide } from "../scene";
import { floorShadow, luminance, seam, sideShade, studio, tone, trace, type Ctx } from "./paint";
import type { Fold, ProductArt } from "./productArt";

const TEE_FRONT_NECK = "C 455 204, 545 204, 572 148";
const TEE_BACK_NECK = "C 465 170, 535 170, 572 148";
const teeBody = (neck: string) =>
  `M 428 148 ${neck} L 676 172 C 730 190, 800 225, 852 262 L 792 398 C 760 388, 730 378, 706 362 L 712 858 C 620 874, 380 874, 288 858 L 294 362 C 270 378, 240 388, 208 398 L 148 262 C 200 225, 270 190, 324 172 Z`;

const HOODIE_BODY =
  "M 425 152 C 455 222, 545 222, 575 152 L 690 180 C 760 206, 812 262, 836 332 L 880 700 L 884 772 L 816 776 L 806 706 L 748 430 L 716 418 L 722 842 L 724 902 C 620 914, 380 914, 276 902 L 278 842 L 284 418 L 252 430 L 194 706 L 184 776 L 116 772 L 120 700 L 164 332 C 188 262, 240 206, 310 180 Z";

const teeFolds: Fold[] = [
  { ax: 302, ay: 372, bx: 420, by: 520, height: 1, width: 45 },
  { ax: 698, ay: 372, bx: 580, by: 520, height: 1, width: 45 },
  { ax: 330, ay: 790, bx: 368, by: 856, height: 0.7, width: 30 },
  { ax: 668, ay: 790, bx: 632, by: 856, height: 0.7, width: 30 },
  { ax: 452, ay: 600, bx: 438, by: 850, height: 0.45, width: 54 },
  { ax: 560, ay: 620, bx: 578, by: 850, height: 0.45, width: 54 },
  { ax: 500, ay: 690, bx: 505, by: 860, height: -0.35, width: 39 },
  { ax: 226, ay: 300, bx: 246, by: 372, height: 0.6, width: 24 },
  { ax: 774, ay: 300, bx: 754, by: 372, height: 0.6, width: 24 },
];

const hoodieFolds: Fold[] = [
  { ax: 290, ay: 430, bx: 400, by: 560, height: 0.9, width: 51 },
  { ax: 710, ay: 430, bx: 600, by: 560, height: 0.9, width: 51 },
  { ax: 150, ay: 520, bx: 175, by: 700, height: 0.8, width: 33 },
  { ax: 850, ay: 520, bx: 825, by: 700, height: 0.8, width: 33 },
  { ax: 200, ay: 400, bx: 230, by: 460, height: -0.6, width: 21 },
  { ax: 800, ay: 400, bx: 770, by: 460, height: -0.6, width: 21 },
  { ax: 470, ay: 560, bx: 460, by: 840, height: 0.4, width: 60 },
  { ax: 540, ay: 560, bx: 556, by: 840, height: 0.4, width: 60 },
];

function backdrop(ctx: Ctx): void {
  studio(ctx, "#e9e7e3");
  floorShadow(ctx, 500, 930, 330, 26, 0.2);
}

function fillBody(ctx: Ctx, path: string, color: string): void {
  ctx.fillStyle = color;
  trace(ctx, path).fill();
  ctx.save();
  trace(ctx, path).clip();
  ctx.fillStyle = sideShade(ctx, 110, 890, luminance(color) > 0.5 ? 0.2 : 0.35, 0.05);
  ctx.fillRect(0, 0, 1000, 1000);
  const top = ctx.createLinearGradient(0, 140, 0, 920);
  top.addColorStop(0, "rgba(255,255,255,0.06)");
  top.addColorStop(1, "rgba(0,0,0,0.08)");
  ctx.fillStyle = top;
  ctx.fillRect(0, 0, 1000, 1000);
  ctx.restore();
}

/** Seam thread: a little darker than the cloth (lighter on dark cloth, where dark thread vanishes). */
const thread = (color: string) => tone(color, luminance(color) > 0.35 ? -0.28 : 0.22);

function tee(side: ViewSide): ProductArt {
  const body = teeBody(side === "front" ? TEE_FRONT_NECK : TEE_BACK_NECK);
  return {
    backdrop,
    folds: teeFolds,
    body(ctx, color) {
      fillBody(ctx, body, color);
      // Inside the collar: the back of the neck, in shadow.
      ctx.fillStyle = tone(color, -0.42);
      trace(ctx, side === "front" ? "M 428 148 C 460 172, 540 172, 572 148 C 545 204, 455 204, 428 148 Z" : "M 428 148 C 460 138, 540 138, 572 148 C 535 170, 465 170, 428 148 Z").fill();
    },
    overlay(ctx, color) {
      ctx.save();
      ctx.lineCap = "round";
      ctx.strokeStyle = tone(color, -0.12);
      ctx.lineWidth = 13;
      trace(ctx, `M 428 148 ${side === "front" ? TEE_FRONT_NECK : TEE_BACK_NECK}`).stroke();
      ctx.restore();
      const t = thread(color);
      seam(ctx, side === "front" ? "M 436 160 C 462 214, 538 214, 564 160" : "M 436 158 C 466 180, 534 180, 564 158", t);
      seam(ctx, "M 330 178 C 316 250, 302 310, 297 360 M 670 178 C 684 250, 698 310, 703 360", t);
      seam(ctx, "M 164 255 L 224 391 M 836 255 L 776 391", t);
      seam(ctx, "M 290 838 C 380 853, 620 853, 710 838", t);
    },
  };
}

function hoodie(side: ViewSide): ProductArt {
  const body = HOODIE_BODY;
  return {
    backdrop,
    folds: hoodieFolds,
    body(ctx, color) {
      if (side === "front") {
        // The hood, behind the neck.
        ctx.fillStyle = tone(color, -0.3);
        trace(ctx, "M 392 176 C 372 60, 628 60, 608 176 Z").fill();
      }
      fillBody(ctx, body, color);
      ctx.save();
      trace(ctx, body).clip();
      ctx.fillStyle = "rgba(0,0,0,0.10)";
      ctx.fillRect(276, 844, 450, 70);
      ctx.fillRect(114, 712, 100, 70);
      ctx.fillRect(786, 712, 100, 70);
      ctx.restore();
      if (side === "front") {
        ctx.fillStyle = tone(color, -0.45);
        trace(ctx, "M 425 152 C 455 222, 545 222, 575 152 C 545 182, 455 182, 425 152 Z").fill();
      } else {
        // The hood lies flat on the back.
        ctx.fillStyle = tone(color, -0.06);
        trace(ctx, "M 388 160 C 372 300, 628 300, 612 160 C 560 140, 440 140, 388 160 Z").fill();
      }
    },
    overlay(ctx, color) {
      const t = thread(color);
      ctx.save();
      trace(ctx, body).clip();
      // Ribbed cuffs and hem.
      ctx.strokeStyle = "rgba(0,0,0,0.12)";
      ctx.lineWidth = 2;
      for (let x = 282; x < 724; x += 9) ctx.strokeRect(x, 846, 0.01, 62);
      for (let x = 120; x < 212; x += 9) ctx.strokeRect(x, 714, 0.01, 60);
      for (let x = 790; x < 882; x += 9) ctx.strokeRect(x, 714, 0.01, 60);
      ctx.restore();
      seam(ctx, "M 278 842 C 380 852, 620 852, 722 842 M 120 706 L 194 708 M 806 708 L 880 706", t);
      seam(ctx, "M 310 182 C 300 260, 290 350, 286 416 M 690 182 C 700 260, 710 350, 714 416", t);
      if (side === "front") {
        const pocket = "M 362 640 L 638 640 L 690 818 L 310 818 Z";
        ctx.fillStyle = "rgba(0,0,0,0.05)";
        trace(ctx, pocket).fill();
        seam(ctx, pocket, t);
        ctx.save();
        ctx.strokeStyle = tone(color, -0.3);
        ctx.lineWidth = 3;
        trace(ctx, "M 362 640 L 318 770 M 638 640 L 682 770").stroke();
        // Drawstrings.
        ctx.strokeStyle = tone(color, luminance(color) > 0.5 ? -0.18 : 0.35);
        ctx.lineWidth = 7;
        ctx.lineCap = "round";
        trace(ctx, "M 468 206 C 470 260, 462 300, 458 340 M 532 206 C 530 260, 538 300, 542 340").stroke();
        ctx.restore();
      } else {
        seam(ctx, "M 500 148 L 500 280", t);
      }
    },
  };
}

export const garmentArt = { tshirt: tee, hoodie };
