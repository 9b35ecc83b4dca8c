import { expect, test, type Page } from "@playwright/test";
import { createCanvas, expectNoAxeViolations, painted, SCREENSHOT_DIR, signUp, uniqueEmail, openStudio } from "./helpers";

const PRODUCTS = ["tee", "hoodie", "mug", "tote", "poster", "stickers", "case"];

/** A small design in the middle of the artboard in view: a block, a disc and a word. */
async function drawDesign(page: Page) {
  const box = (await page.getByTestId("editor-stage").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const drag = async (tool: string, from: [number, number], to: [number, number]) => {
    await page.getByRole("button", { name: tool, exact: true }).click();
    await page.mouse.move(cx + from[0], cy + from[1]);
    await page.mouse.down();
    await page.mouse.move(cx + to[0], cy + to[1], { steps: 4 });
    await page.mouse.up();
  };
  await drag("Rectangle", [-70, -60], [70, 20]);
  await drag("Ellipse", [-40, -90], [40, -10]);
  await page.getByRole("button", { name: "Text", exact: true }).click();
  await page.mouse.click(cx - 60, cy + 30);
  await page.getByRole("textbox", { name: "Edit text" }).fill("MERCH");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
}

test("every product's mockup with a design on it, at 1280 and 390 wide", async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, "Gale Gallery", uniqueEmail("gale"));
  await createCanvas(page, "All the goods");
  for (const id of PRODUCTS) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId("choose-product").or(page.getByTestId("change-product")).click();
    await page.getByTestId(`product-${id}`).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    // A fresh design on this product's first print area.
    // The keys reach the editor only once focus is back from the picker: retry until they do.
    await expect(async () => {
      await page.getByRole("button", { name: "Select", exact: true }).click();
      await page.keyboard.press("Control+a");
      await page.keyboard.press("Delete");
      await expect(page.getByTestId("layer-row")).toHaveCount(0, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await drawDesign(page);
    await expect(page.getByTestId("layer-row")).toHaveCount(3);
    const drawn = Number(await page.getByTestId("mockup-preview").getAttribute("data-drawn"));
    await expect.poll(async () => Number(await page.getByTestId("mockup-preview").getAttribute("data-drawn"))).toBeGreaterThan(drawn - 1);
    await painted(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/goods-${id}-1280.png` });
    await page.getByTestId("mockup-preview").screenshot({ path: `${SCREENSHOT_DIR}/goods-${id}-mockup.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Layers" }).click();
    await expect(page.getByTestId("mockup-preview")).toBeVisible();
    await painted(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/goods-${id}-390.png` });
    await page.keyboard.press("Escape");
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  // HQ mockups of the last product in two colours: the set fills in and opens as pictures.
  await openStudio(page, "Mockups");
  await page.getByRole("checkbox", { name: "Clear" }).check();
  await page.getByTestId("render-mockups").click();
  await expect(page.locator('[data-testid="mockup"][data-status="succeeded"]')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByRole("img", { name: "Clear · Back" })).toBeVisible();
  // Off the button it just pressed: axe judges the resting colours, not the hover's.
  await page.mouse.move(700, 400);
  await expectNoAxeViolations(page, "editor, HQ mockups");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/goods-hq-mockups-1280.png` });
  await page.keyboard.press("Escape");
  await page.getByTestId("change-product").click();
  await expectNoAxeViolations(page, "product picker");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/goods-picker-1280.png` });
});
