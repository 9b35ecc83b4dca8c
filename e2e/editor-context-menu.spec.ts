import { expect, test } from "@playwright/test";
import { createCanvas, dragOnStage, expectNoAxeViolations, painted, SCREENSHOT_DIR, signUp, uniqueEmail } from "./helpers";

test("a right-click opens the commands for what is under the pointer, with their shortcuts", async ({ page }) => {
  await signUp(page, "Rita Rightclick", uniqueEmail("rita"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, "Menus");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  const stage = page.getByTestId("editor-stage");
  const box = (await stage.boundingBox())!;
  await page.getByRole("button", { name: "Rectangle", exact: true }).click();
  await dragOnStage(page, [300, 200], [420, 320]);
  await expect(stage).toHaveAttribute("data-shapes", "1");
  await page.keyboard.press("Escape");
  await expect(stage).toHaveAttribute("data-selected", "0");

  const menu = page.getByTestId("stage-context-menu");
  // On a shape: it is selected, and the menu offers what applies to it.
  await page.mouse.click(box.x + 360, box.y + 260, { button: "right" });
  await expect(menu).toBeVisible();
  await expect(stage).toHaveAttribute("data-selected", "1");
  await expect(menu.getByRole("menuitem", { name: /Duplicate/ })).toContainText("⌘D");
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/editor-context-menu.png` });
  await expectNoAxeViolations(page, "the right-click menu");
  await menu.getByRole("menuitem", { name: /Duplicate/ }).click();
  await expect(menu).toBeHidden();
  await expect(stage).toHaveAttribute("data-shapes", "2");

  // On empty canvas: nothing to act on, but select all and paste are there.
  await page.mouse.click(box.x + box.width - 60, box.y + box.height - 120, { button: "right" });
  await expect(menu.getByRole("menuitem", { name: /Delete/ })).toBeDisabled();
  await menu.getByRole("menuitem", { name: /Select all/ }).click();
  await expect(stage).toHaveAttribute("data-selected", "2");
  // A window too short for every command: the menu keeps inside it and scrolls to the last one.
  await page.setViewportSize({ width: 1280, height: 480 });
  const short = (await stage.boundingBox())!;
  await page.mouse.click(short.x + 360, short.y + 200, { button: "right" });
  await expect(menu).toBeVisible();
  const placed = (await menu.boundingBox())!;
  expect(placed.y).toBeGreaterThanOrEqual(0);
  expect(placed.y + placed.height).toBeLessThanOrEqual(480);
  await expectNoAxeViolations(page, "the right-click menu in a short window");
  const remove = menu.getByRole("menuitem", { name: /Delete/ });
  await remove.scrollIntoViewIfNeeded();
  await remove.click();
  await expect(stage).toHaveAttribute("data-shapes", "0");
});
