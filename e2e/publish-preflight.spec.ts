import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { createCanvas, expectNoAxeViolations, shoot, signUp, uniqueEmail, openStudio } from "./helpers";
import { chooseProduct } from "./shopHelpers";

test("an image enlarged past its DPI offers its fixes, and Publish asks before selling it", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, "Pia Printer", uniqueEmail("pia"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, "Soft heart tee");
  const canvasId = /\/canvas\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await chooseProduct(page, "tee");
  await expect(page.getByTestId("product-name")).toHaveText("Classic T-shirt");

  // A 240 px picture lands at the size that holds the tee's 150 DPI: its badge is not red.
  const png = await sharp({
    create: { width: 240, height: 240, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><circle cx="120" cy="120" r="100" fill="#d6336c"/></svg>') }])
    .png()
    .toBuffer();
  await page.getByTestId("image-input").setInputFiles({ name: "heart.png", mimeType: "image/png", buffer: png });
  const badge = page.getByTestId("dpi-badge");
  await expect(badge).toHaveText(/^150 DPI$/, { timeout: 20_000 });
  await expect(badge).toHaveAttribute("data-low", "false");
  await expect(page.getByTestId("dpi-fixes")).toHaveCount(0);

  // Pulled larger by its bottom-left handle (the badge sits just inside that corner), it prints soft.
  await page.getByTestId("layer-row").filter({ hasText: "heart" }).click();
  const b = (await badge.boundingBox())!;
  const corner = { x: b.x - 4, y: b.y + b.height + 4 };
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  await page.mouse.move(corner.x - 60, corner.y + 60, { steps: 6 });
  await page.mouse.move(corner.x - 120, corner.y + 120, { steps: 6 });
  await page.mouse.up();
  await expect(badge).toHaveAttribute("data-low", "true");
  const dpi = Number(/(\d+) DPI/.exec((await badge.textContent()) ?? "")![1]);
  expect(dpi).toBeLessThan(150);

  // The selected image's warning offers both fixes, one click each, and the vector's colour count.
  const fixes = page.getByTestId("dpi-fixes");
  await expect(fixes).toContainText(`Prints at ${dpi} DPI; this product needs 150.`);
  await expect(fixes.getByTestId("make-print-ready")).toBeEnabled();
  await expect(fixes.getByTestId("make-vector")).toBeEnabled();
  await page.screenshot({ path: "e2e/screenshots/preflight-dpi-fixes-1280.png" });
  await fixes.getByTestId("vector-colors").click();
  await expect(page.getByTestId("vector-colors-menu")).toBeVisible();
  await expect(page.getByTestId("vector-colors-16")).toBeVisible();
  await page.waitForTimeout(400); // the menu's opening transition
  await page.screenshot({ path: "e2e/screenshots/preflight-vector-colors-1280.png" });
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("vector-colors-menu")).toHaveCount(0);
  await expectNoAxeViolations(page, "editor, a low-DPI image selected with its fixes");

  // The Preflight tab names it too, with the same fixes.
  await page.getByRole("tab", { name: "Preflight" }).click();
  const issue = page.locator('[data-testid="preflight-issue"][data-kind="lowDpi"]');
  await expect(issue).toContainText(`“heart” prints at ${dpi} DPI on Front; 150 DPI is the least for this product.`);
  await expect(issue.getByTestId("make-vector")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/preflight-tab-fixes-1280.png" });

  // Publish opens a dialog naming the problem; Cancel publishes nothing.
  const sell = (await openStudio(page, "Sell")).getByTestId("sell-panel");
  await sell.getByRole("textbox", { name: /Price/ }).fill("24");
  await sell.getByTestId("sell-publish").click();
  const dialog = page.getByRole("dialog", { name: "Publish with print problems?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("publish-problem")).toHaveCount(1);
  await expect(dialog.getByTestId("publish-problem")).toHaveText(`“heart” prints at ${dpi} DPI on Front; 150 DPI is the least for this product.`);
  await expectNoAxeViolations(page, "publish confirmation dialog");
  await shoot(page, "publish-confirm");
  await dialog.getByTestId("publish-cancel").click();
  await expect(dialog).toHaveCount(0);
  // Back at desktop width the side panel is mounted afresh.
  await openStudio(page, "Sell");
  await expect(sell.getByTestId("sell-publish")).toBeVisible();
  await expect(sell.getByTestId("listing-status")).toHaveCount(0);

  // The server holds the same line: without the confirmation the API refuses, naming the problem.
  const refused = await page.request.post("/api/trpc/listing.publish", { data: { json: { canvasId, title: "Soft heart tee", price: 2400, variantIds: ["tee-white-m"] } } });
  expect(refused.status()).toBe(400);
  const body = JSON.stringify(await refused.json());
  expect(body).toContain("listing.preflightUnconfirmed");
  expect(body).toContain(`prints at ${dpi} DPI on Front`);

  // Publish anyway: on sale.
  await sell.getByTestId("sell-publish").click();
  await dialog.getByTestId("publish-anyway").click();
  await expect(sell.getByTestId("listing-status")).toHaveAttribute("data-published", "true", { timeout: 20_000 });

  // A new version is published from the form's foot, far below the public link: the link is brought back into view.
  await sell.getByRole("textbox", { name: /Price/ }).fill("26");
  await sell.getByTestId("sell-publish").scrollIntoViewIfNeeded();
  await expect(sell.getByTestId("listing-link")).not.toBeInViewport();
  await sell.getByTestId("sell-publish").click();
  await dialog.getByTestId("publish-anyway").click();
  await expect(sell.getByTestId("listing-status")).toContainText("Version 2");
  await expect(sell.getByTestId("listing-link")).toBeInViewport();
});
