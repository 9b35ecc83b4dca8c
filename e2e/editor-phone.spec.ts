import { expect, test, type CDPSession } from "@playwright/test";
import { createCanvas, painted, SCREENSHOT_DIR, signUp, uniqueEmail } from "./helpers";

/** One finger from `from` to `to` over the screen, as a hand moves. */
async function swipe(cdp: CDPSession, from: [number, number], to: [number, number]) {
  const at = (t: number) => [{ x: from[0] + (to[0] - from[0]) * t, y: from[1] + (to[1] - from[1]) * t, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0) });
  for (let i = 1; i <= 8; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(i / 8) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

test("on a phone, the selection bar duplicates, deletes, undoes and redoes what a finger drew and tapped", async ({ browser }) => {
  const ctx = await browser.newContext({ locale: "en-US", viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await signUp(page, "Tia Tapper", uniqueEmail("tia"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, "Thumbs");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  const stage = page.getByTestId("editor-stage");
  const bar = page.getByTestId("selection-bar");
  const box = (await stage.boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await ctx.newCDPSession(page);

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
