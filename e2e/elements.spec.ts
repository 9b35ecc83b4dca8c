import { expect, test } from "@playwright/test";
import { createCanvas, expectNoAxeViolations, ownerAndInvitee, painted, shoot, signUp, uniqueEmail } from "./helpers";
import { chooseProduct, trpcPost } from "./shopHelpers";

test("a member finds an element by a Korean word, places it, and a second member sees it live", async ({ browser }) => {
  const [owner, editor] = await ownerAndInvitee(browser, { owner: "Olivia Owner", invitee: "Eddie Editor" }, "Sticker sheet");

  await owner.getByRole("tab", { name: "Elements" }).click();
  const panel = owner.getByTestId("elements-panel");
  // Before typing: a popular set, thumbnails served by the library's route.
  await expect(panel.locator("[data-element-id]").first()).toBeVisible();
  await panel.getByRole("textbox").fill("하트");
  await expect(panel.getByText("Results for “하트”")).toBeVisible();
  const heart = panel.locator('[data-element-id="noto-2764"]');
  await expect(heart).toBeVisible();
  await expect(heart.locator("img")).toHaveJSProperty("complete", true);
  expect(await heart.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await painted(owner);
  await owner.screenshot({ path: "e2e/screenshots/elements-panel-1280.png" });
  await expectNoAxeViolations(owner, "elements panel with Korean results");

  // A click places it; the other member's editor shows it and loads its artwork from the library.
  const artwork = editor.waitForResponse((r) => r.url().endsWith("/api/elements/noto-2764.svg") && r.status() === 200);
  await heart.click();
  await expect(owner.getByTestId("layer-row")).toHaveCount(1);
  // The placed object says where its art comes from and under what licence.
  await expect(owner.getByTestId("element-license")).toHaveText("Library art: Noto Emoji · Apache 2.0");
  await expect(editor.getByTestId("layer-row")).toHaveCount(1);
  await expect(editor.getByTestId("layer-row").first()).toContainText("red heart");
  expect((await artwork).headers()["content-type"]).toBe("image/svg+xml");

  // Dragged onto the stage, another source's star lands where it is dropped, for both.
  await panel.getByRole("textbox").fill("star");
  const star = panel.locator('[data-element-id="twemoji-2b50"]');
  await expect(star).toBeVisible();
  await star.dragTo(owner.getByTestId("editor-stage"), { targetPosition: { x: 200, y: 200 } });
  await expect(editor.getByTestId("layer-row")).toHaveCount(2);
  await expect(editor.getByTestId("layer-row").first()).toContainText("star");
  await shoot(editor, "elements-peer");
});

test("an element placed on a tee fills its print area, and the product page credits its artwork", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signUp(page, "Sam Seller", uniqueEmail("sam"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await createCanvas(page, "Star tee");
  const canvasId = /\/canvas\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await chooseProduct(page, "tee");

  await page.getByRole("tab", { name: "Elements" }).click();
  const panel = page.getByTestId("elements-panel");
  await panel.getByRole("textbox").fill("glowing star");
  await panel.locator('[data-element-id="twemoji-1f31f"]').click();
  await expect(page.getByTestId("layer-row")).toHaveCount(1);
  await expect(page.getByTestId("element-license")).toHaveText("Library art: Twemoji · CC BY 4.0");

  const { slug } = await trpcPost<{ slug: string }>(page, "listing.publish", { canvasId, title: "Glowing star tee", price: 2400, variantIds: ["tee-white-m"] });
  await page.goto(`/p/${slug}`);
  const credits = page.getByTestId("art-credits");
  await expect(credits).toContainText("Twemoji graphics by Twitter/X and contributors, CC-BY 4.0");
  await expect(credits.getByRole("link", { name: "CC-BY-4.0" })).toHaveAttribute("href", "https://creativecommons.org/licenses/by/4.0/");
  await shoot(page, "elements-product-credits");
});
