import { expect, test } from "@playwright/test";
import { createCanvas, signUp, uniqueEmail } from "./helpers";

const zoomOf = async (text: Promise<string | null>) => Number((await text)!.replace(/[^0-9]/g, ""));

test("two fingers pinch the canvas to zoom, and a pinch never becomes a tool gesture", async ({ browser }) => {
  const ctx = await browser.newContext({ locale: "en-US", hasTouch: true });
  const page = await ctx.newPage();
  await signUp(page, "Pia Pincher", uniqueEmail("pia"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, "Pinch");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  const zoom = page.getByTestId("zoom-level");
  const before = await zoomOf(zoom.textContent());

  // With the rectangle tool on, two fingers spreading apart zoom in about their centre.
  await page.keyboard.press("r");
  const box = (await page.getByTestId("editor-stage").boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await ctx.newCDPSession(page);
  const touch = (type: string, spread: number) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: type === "touchEnd" ? [] : [{ x: cx - spread, y: cy, id: 1 }, { x: cx + spread, y: cy, id: 2 }],
    });
  await touch("touchStart", 40);
  for (let spread = 50; spread <= 160; spread += 10) await touch("touchMove", spread);
  await touch("touchEnd", 0);

  await expect.poll(() => zoomOf(zoom.textContent())).toBeGreaterThan(before * 3);
  await expect(page.getByTestId("layer-row")).toHaveCount(0);
});

test("ctrl + wheel zooms at the pointer; the wheel alone pans", async ({ page }) => {
  await signUp(page, "Wendy Wheel", uniqueEmail("wendy"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, "Wheel");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  const zoom = page.getByTestId("zoom-level");
  const before = await zoomOf(zoom.textContent());
  const box = (await page.getByTestId("editor-stage").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(300);
  expect(await zoomOf(zoom.textContent())).toBe(before);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -100);
  await page.keyboard.up("Control");
  await expect.poll(() => zoomOf(zoom.textContent())).toBeGreaterThan(before);
});
