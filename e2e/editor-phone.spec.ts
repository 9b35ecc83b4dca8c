import { expect, test, type Browser, type CDPSession } from "@playwright/test";
import { createCanvas, painted, SCREENSHOT_DIR, signUp, uniqueEmail } from "./helpers";

/** One finger from `from` to `to` over the screen, as a hand moves. */
async function swipe(cdp: CDPSession, from: [number, number], to: [number, number]) {
  const at = (t: number) => [{ x: from[0] + (to[0] - from[0]) * t, y: from[1] + (to[1] - from[1]) * t, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0) });
  for (let i = 1; i <= 8; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(i / 8) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

/** A new member on a touch phone, in a fresh live canvas: the page, its stage and where its centre is on screen. */
async function phoneCanvas(browser: Browser, person: string, canvas: string) {
  const ctx = await browser.newContext({ locale: "en-US", viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await signUp(page, person, uniqueEmail(person.split(" ")[0]!.toLowerCase()));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, canvas);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  const stage = page.getByTestId("editor-stage");
  const box = (await stage.boundingBox())!;
  return { page, stage, box, cx: box.x + box.width / 2, cy: box.y + box.height / 2, cdp: await ctx.newCDPSession(page) };
}

test("on a phone, the selection bar duplicates, deletes, undoes and redoes what a finger drew and tapped", async ({ browser }) => {
  const { page, stage, box, cx, cy, cdp } = await phoneCanvas(browser, "Tia Tapper", "Thumbs");
  const bar = page.getByTestId("selection-bar");

  // Nothing selected: the bar offers undo and redo only.
  await expect(bar.locator("[data-action]")).toHaveCount(2);

  // A rectangle drawn with one finger, then selected by a tap.
  await page.getByRole("button", { name: "Rectangle", exact: true }).tap();
  await swipe(cdp, [cx - 50, cy - 50], [cx + 50, cy + 50]);
  await expect(stage).toHaveAttribute("data-shapes", "1");
  await page.touchscreen.tap(box.x + 12, box.y + box.height - 120); // empty canvas
  await expect(stage).toHaveAttribute("data-selected", "0");
  await page.touchscreen.tap(cx, cy);
  await expect(stage).toHaveAttribute("data-selected", "1");
  await expect(bar.locator("[data-action]")).toHaveCount(7);
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/editor-phone-selection-bar.png` });

  await bar.getByRole("button", { name: "Duplicate" }).tap();
  await expect(stage).toHaveAttribute("data-shapes", "2");
  await bar.getByRole("button", { name: "Delete" }).tap();
  await expect(stage).toHaveAttribute("data-shapes", "1");
  await bar.getByRole("button", { name: "Undo" }).tap();
  await expect(stage).toHaveAttribute("data-shapes", "2");
  await bar.getByRole("button", { name: "Redo" }).tap();
  await expect(stage).toHaveAttribute("data-shapes", "1");
  await page.touchscreen.tap(cx, cy);
  await expect(stage).toHaveAttribute("data-selected", "1");
  await bar.getByRole("button", { name: "Lock / unlock" }).tap();
  await bar.getByRole("button", { name: "Delete" }).tap();
  await expect(stage).toHaveAttribute("data-shapes", "1"); // a locked shape is not deleted

  // The panel's drawer covers the lower canvas; touching the canvas closes it.
  await page.getByRole("button", { name: "Layers", exact: true }).tap();
  const drawer = page.getByRole("dialog", { name: "Design" });
  await expect(drawer).toBeVisible();
  await page.touchscreen.tap(cx, box.y + 90);
  await expect(drawer).toBeHidden();
});

/** Two fingers: the first lands at `a` and moves a little (a drag begins), then the second lands at `b` and both spread apart. */
async function pinchOut(cdp: CDPSession, a: [number, number], b: [number, number], spread: number) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: a[0], y: a[1], id: 1 }] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: a[0] + 12, y: a[1] + 12, id: 1 }] });
  const both = (t: number) => [
    { x: a[0] + 12 - spread * t, y: a[1] + 12 - spread * t, id: 1 },
    { x: b[0] + spread * t, y: b[1] + spread * t, id: 2 },
  ];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: both(0) });
  for (let i = 1; i <= 8; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: both(i / 8) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

const numbers = (s: string | null) => (s ?? "").split(" ").map(Number);

test("on a phone, a finger moves the selected shape, two fingers zoom without moving it, and a generated image lands in view beside the art", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, stage, box, cx, cy, cdp } = await phoneCanvas(browser, "Pia Pincher", "Fingers");

  await page.getByRole("button", { name: "Rectangle", exact: true }).tap();
  await swipe(cdp, [cx - 60, cy - 60], [cx + 60, cy + 60]);
  await page.touchscreen.tap(cx, cy);
  await expect(stage).toHaveAttribute("data-selected", "1");
  const [x0, y0, w0, h0] = numbers(await stage.getAttribute("data-selected-box"));
  const scale0 = numbers(await stage.getAttribute("data-camera"))[2]!;

  // One finger on the selected shape drags it.
  await swipe(cdp, [cx, cy], [cx + 40, cy + 60]);
  await expect(stage).not.toHaveAttribute("data-selected-box", `${x0} ${y0} ${w0} ${h0}`);
  const [x1, y1, w1, h1] = numbers(await stage.getAttribute("data-selected-box"));
  // The finger's first few pixels tell a drag from a tap: the shape follows the rest.
  expect((x1! - x0!) / (40 / scale0)).toBeGreaterThan(0.8);
  expect((x1! - x0!) / (40 / scale0)).toBeLessThan(1.1);
  expect((y1! - y0!) / (60 / scale0)).toBeGreaterThan(0.8);
  expect((y1! - y0!) / (60 / scale0)).toBeLessThan(1.1);
  expect([w1, h1]).toEqual([w0, h0]);

  // A pinch that starts on the shape zooms; the drag its first finger began is given up.
  const moved = `${x1} ${y1} ${w1} ${h1}`;
  await pinchOut(cdp, [cx + 40, cy + 60], [cx + 100, cy + 140], 60);
  await expect.poll(async () => numbers(await stage.getAttribute("data-camera"))[2]!).toBeGreaterThan(scale0 * 1.3);
  await expect(stage).toHaveAttribute("data-selected-box", moved);
  await expect(stage).toHaveAttribute("data-shapes", "1");
  await expect(stage).not.toHaveAttribute("data-preview", /[1-9]/); // the drag's preview is put back too
  // Nothing of the given-up drag is left to finish: the next tap, on empty canvas, only deselects.
  await page.touchscreen.tap(box.x + 12, box.y + box.height - 120); // empty canvas
  await expect(stage).toHaveAttribute("data-selected", "0");
  const [camX, camY, zoom] = numbers(await stage.getAttribute("data-camera"));
  await page.touchscreen.tap(box.x + camX! + (x1! + w1! / 2) * zoom!, box.y + camY! + (y1! + h1! / 2) * zoom!);
  await expect(stage).toHaveAttribute("data-selected-box", moved);

  // Back to the whole artboard, then a generated image: it lands on the canvas, in view, smaller
  // than the artboard beside the rectangle, selected, and the generation drawer gets out of the way.
  await page.getByTestId("zoom-level").tap();
  await page.getByRole("button", { name: "Generation panel" }).tap();
  await page.getByTestId("prompt").fill("red heart");
  await page.getByTestId("generate-button").tap();
  const result = page.locator('[data-testid="generation-card"][data-status="succeeded"]').getByTestId("generation-result").first();
  await expect(result).toBeVisible({ timeout: 60_000 });
  await result.tap();
  await expect(stage).toHaveAttribute("data-shapes", "2");
  await expect(page.getByTestId("prompt")).toBeHidden();
  await expect(stage).toHaveAttribute("data-selected", "1");
  const [ix, iy, iw, ih] = numbers(await stage.getAttribute("data-selected-box"));
  const [viewX, viewY, scale] = numbers(await stage.getAttribute("data-camera"));
  const onScreen = { left: viewX! + ix! * scale!, top: viewY! + iy! * scale!, right: viewX! + (ix! + iw!) * scale!, bottom: viewY! + (iy! + ih!) * scale! };
  expect(onScreen.left).toBeGreaterThanOrEqual(0);
  expect(onScreen.top).toBeGreaterThanOrEqual(0);
  expect(onScreen.right).toBeLessThanOrEqual(box.width);
  expect(onScreen.bottom).toBeLessThanOrEqual(box.height);
  expect(iw! * scale!).toBeLessThan(box.width * 0.8);
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/editor-phone-placed.png` });
});
