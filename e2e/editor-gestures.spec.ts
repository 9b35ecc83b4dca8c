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
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", spread: number) =>
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
  const stage = page.getByTestId("editor-stage");
  const camera = async () => ((await stage.getAttribute("data-camera")) ?? "").split(" ").map(Number);
  const [x0, y0] = await camera();
  await page.mouse.wheel(0, 200);
  // The wheel alone scrolls the view up by what it turned, and leaves the zoom alone.
  await expect.poll(async () => (await camera())[1]).toBeLessThan(y0! - 100);
  expect((await camera())[0]).toBe(x0);
  expect(await zoomOf(zoom.textContent())).toBe(before);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -100);
  await page.keyboard.up("Control");
  await expect.poll(() => zoomOf(zoom.textContent())).toBeGreaterThan(before);
});

test("the layers list keeps only the rows in view in the page, and scrolls to what is selected", async ({ page }) => {
  await signUp(page, "Larry Layers", uniqueEmail("larry"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, "Many layers");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await page.keyboard.press("r");
  const box = (await page.getByTestId("editor-stage").boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // Select all and duplicate, eight times over: 256 shapes.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("ControlOrMeta+d");
  }
  const layers = page.getByTestId("layers");
  await expect(layers).toHaveAttribute("data-count", "256");
  const rows = await page.getByTestId("layer-row").count();
  expect(rows).toBeGreaterThan(10);
  expect(rows).toBeLessThan(120);

  // The bottom of the stack, clicked in the list after scrolling down to it.
  const viewport = layers.locator(".mantine-ScrollArea-viewport");
  await viewport.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => viewport.evaluate((el) => el.scrollTop)).toBeGreaterThan(5000);
  await page.getByTestId("layer-row").last().getByRole("button").first().click();
  const selected = page.locator('[data-testid="layer-row"][data-selected="true"]');
  await expect(selected).toHaveCount(1);

  // The top of the stack picked on the canvas brings its row, the first, back into view. Each
  // duplicate sits 20 px further down and right, so only the last one covers this point.
  const scale = (await zoomOf(page.getByTestId("zoom-level").textContent())) / 100;
  await page.mouse.click(box.x + box.width / 2 + 300 * scale, box.y + box.height / 2 + 270 * scale);
  await expect(selected).toHaveCount(1);
  await expect(selected).toBeInViewport();
  expect(await viewport.evaluate((el) => el.scrollTop)).toBeLessThan(200);
});
