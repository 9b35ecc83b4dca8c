import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createCanvas, dragOnStage, expectNoAxeViolations, ownerAndInvitee, shoot, signUp, uniqueEmail, openStudio } from "./helpers";

async function chooseProduct(page: Page, productId: string) {
  await page.getByTestId("choose-product").or(page.getByTestId("change-product")).click();
  await page.getByTestId(`product-${productId}`).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

/** Both images scaled to the same small size; how far apart they are, per channel (0–255). */
async function difference(a: Buffer, b: Buffer, width: number, height: number) {
  const small = (png: Buffer) => sharp(png).flatten({ background: "#ffffff" }).resize(width, height, { fit: "fill" }).removeAlpha().raw().toBuffer();
  const [x, y] = await Promise.all([small(a), small(b)]);
  let sum = 0;
  let far = 0;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(x[i]! - y[i]!);
    sum += d;
    if (d > 40) far++;
  }
  return { mean: sum / x.length, farShare: far / x.length };
}

/** The preview canvas's pixel at a point given in the mockup scene's 0–1000 units. */
async function previewPixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  return page.getByTestId("mockup-preview").evaluate(
    (el, [sx, sy]) => {
      const c = el as HTMLCanvasElement;
      const d = c.getContext("2d")!.getImageData(Math.round((sx! / 1000) * c.width), Math.round((sy! / 1000) * c.height), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!] as [number, number, number];
    },
    [x, y],
  );
}

test("a canvas bound to a tee: both people see the product, its colour change and the live mockup", async ({ browser }) => {
  test.setTimeout(240_000);
  const [alice, bob] = await ownerAndInvitee(browser, { owner: "Alice Maker", invitee: "Bob Seller" }, "Team tee");

  await chooseProduct(alice, "tee");
  await expect(alice.getByTestId("product-name")).toHaveText("Classic T-shirt");
  await expect(bob.getByTestId("product-name")).toHaveText("Classic T-shirt", { timeout: 5_000 });
  await expect(bob.getByTestId("area-switch")).toBeVisible();
  await expect(bob.getByTestId("mockup-preview")).toHaveAttribute("data-drawn", /\d+/);

  // White first; Alice picks Navy and Bob's mockup turns navy (sampled on the tee's lower body).
  const before = await previewPixel(bob, 620, 760);
  expect(before[0]).toBeGreaterThan(180);
  await alice.getByRole("radio", { name: "Colour: Navy" }).click();
  await expect.poll(async () => (await previewPixel(bob, 620, 760))[2] - (await previewPixel(bob, 620, 760))[0], { timeout: 5_000 }).toBeGreaterThan(15);
  expect((await previewPixel(bob, 620, 760))[0]).toBeLessThan(90);

  // Bob draws a rectangle on the front; it appears on Alice's mockup.
  const plain = (await previewPixel(alice, 500, 450)).join();
  await bob.getByRole("button", { name: "Rectangle", exact: true }).click();
  const box = (await bob.getByTestId("editor-stage").boundingBox())!;
  await bob.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 60);
  await bob.mouse.down();
  await bob.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 60, { steps: 5 });
  await bob.mouse.up();
  await expect.poll(async () => (await previewPixel(alice, 500, 450)).join(), { timeout: 5_000 }).not.toBe(plain);

  // The back is its own artboard: switching shows it empty.
  await alice.getByTestId("area-switch").getByText("Back").click();
  await expect(alice.getByTestId("layer-row")).toHaveCount(0);
  await alice.getByTestId("area-switch").getByText("Front").click();
  await expect(alice.getByTestId("layer-row")).toHaveCount(1);
  await expectNoAxeViolations(alice, "editor on a product");

  // A generated image from the bundled model is 64 px: placed at the size its print-ready version
  // would hold the DPI, everyone sees its DPI badge in red and the preflight naming it.
  await alice.getByTestId("prompt").fill("red heart");
  await alice.getByTestId("generate-button").click();
  const done = alice.locator('[data-testid="generation-card"][data-status="succeeded"]');
  await expect(done).toHaveCount(1, { timeout: 90_000 });
  await done.getByTestId("generation-result").first().click();
  await expect(bob.getByTestId("layer-row")).toHaveCount(2);
  await expect(bob.locator('[data-testid="dpi-badge"][data-low="true"]')).toHaveCount(1);
  await expect(bob.locator('[data-testid="dpi-badge"][data-low="true"]')).toHaveText(/^⚠ \d+ DPI$/);
  await bob.getByRole("tab", { name: "Preflight" }).click();
  await expect(bob.locator('[data-testid="preflight-issue"][data-kind="bundled"]')).toContainText("64 × 64 px image from the bundled model");
  await expect(bob.locator('[data-testid="preflight-issue"][data-kind="empty"]')).toContainText("Back is empty");
  await shoot(bob, "goods-tee-preflight");

  // Alice renders the front's print file; Bob watches it finish and downloads it.
  await (await openStudio(alice, "Print files")).getByTestId("render-print-tee-front").click();
  await openStudio(bob, "Print files");
  await expect(bob.locator('[data-testid="print-file"][data-status="succeeded"]')).toHaveCount(1, { timeout: 60_000 });
  const [download] = await Promise.all([bob.waitForEvent("download"), bob.getByTestId("print-download").click()]);
  const png = await readFile(await download.path());
  const meta = await sharp(png).metadata();
  expect([meta.width, meta.height, meta.density]).toEqual([1800, 2400, 150]);
  await expectNoAxeViolations(bob, "editor, print files tab");
  await shoot(bob, "goods-tee-studio-print");
  await alice.keyboard.press("Escape");
  await shoot(alice, "goods-tee-editor");
});

test("a print file shows exactly what the editor shows", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, "Paula Poster", uniqueEmail("paula"));
  await createCanvas(page, "Gig poster");
  await chooseProduct(page, "poster");
  await expect(page.getByTestId("product-name")).toHaveText("Matte Poster");
  // A rectangle, an ellipse and text in two fonts, drawn with the tools.
  await page.getByRole("button", { name: "Rectangle", exact: true }).click();
  await dragOnStage(page, [200, 150], [420, 330]);
  await page.getByRole("button", { name: "Ellipse", exact: true }).click();
  await dragOnStage(page, [300, 300], [460, 500]);
  await page.getByRole("button", { name: "Text", exact: true }).click();
  const box = (await page.getByTestId("editor-stage").boundingBox())!;
  await page.mouse.click(box.x + 200, box.y + 560);
  await page.getByRole("textbox", { name: "Edit text" }).fill("Live at 9 · 한글");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("layer-row")).toHaveCount(3);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Export" }).click();
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "PNG 1×" }).click()]);
  const editorPng = await readFile(await exported.path());

  await (await openStudio(page, "Print files")).getByTestId("render-print-poster-print").click();
  await expect(page.locator('[data-testid="print-file"][data-status="succeeded"]')).toHaveCount(1, { timeout: 60_000 });
  const [printed] = await Promise.all([page.waitForEvent("download"), page.getByTestId("print-download").click()]);
  const printPng = await readFile(await printed.path());
  expect((await sharp(printPng).metadata()).width).toBe(4961);
  // At a small scale the two are the same picture: only antialiasing may differ.
  const d = await difference(editorPng, printPng, 212, 300);
  expect(d.mean).toBeLessThan(1.5);
  expect(d.farShare).toBeLessThan(0.005);
});
