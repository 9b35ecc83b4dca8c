import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, openStudio, painted, SCREENSHOT_DIR, signUp, uniqueEmail } from "./helpers";
import { chooseProduct, trpcPost } from "./shopHelpers";

/** What these screens say in each language, where the test reads or presses it. */
const LABELS = {
  "en-US": { newCanvas: "New canvas", name: "Name", create: "Create", sell: "Sell", layers: "Layers", signUpJoin: "Create account and join", elements: "Elements", heart: "heart", lowContrast: /nearly vanishes on Red/ },
  "ko-KR": { newCanvas: "새 캔버스", name: "이름", create: "만들기", sell: "판매", layers: "레이어", signUpJoin: "계정 만들고 참여하기", elements: "요소", heart: "하트", lowContrast: /레드 색상에서는 디자인이 거의 보이지 않아요/ },
} as const;

async function shot(page: Page, name: string, width: 1280 | 390) {
  await page.setViewportSize(width === 1280 ? { width: 1280, height: 800 } : { width: 390, height: 844 });
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${width}.png` });
}

for (const locale of ["en-US", "ko-KR"] as const) {
  const L = LABELS[locale];
  const tag = locale === "ko-KR" ? "-ko" : "";

  test(`the screens this wave changed, in ${locale}: a red heart on a red tee warns, the invite shows the canvas, the dashboard its cover`, async ({ browser }) => {
    test.setTimeout(240_000);
    const ctx = await browser.newContext({ locale });
    const page = await ctx.newPage();
    await signUp(page, locale === "ko-KR" ? "김하나" : "Hana Kim", uniqueEmail(`hana${tag}`));
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(async () => {
      await page.getByRole("button", { name: L.newCanvas }).first().click();
      await expect(page.getByLabel(L.name)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByLabel(L.name).fill(locale === "ko-KR" ? "하트 티셔츠" : "Heart tee");
    await page.getByRole("button", { name: L.create, exact: true }).click();
    await page.waitForURL(/\/canvas\/[0-9a-f-]{36}$/);
    const canvasId = page.url().split("/").pop()!;
    await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
    await chooseProduct(page, "tee");
    await trpcPost(page, "canvas.setProduct", { id: canvasId, productId: "tee", variantId: "tee-red-m" });

    // Noto's red heart from the library, placed on the red tee.
    await page.getByRole("tab", { name: L.elements }).click();
    const library = page.getByTestId("elements-panel");
    await library.getByRole("textbox").fill(L.heart);
    await library.locator('[data-element-id="noto-2764"]').click();
    await expect(page.getByTestId("editor-stage")).toHaveAttribute("data-shapes", "1");
    // Selected: the live mockup shrinks beside the product and stays above the properties.
    await expect(page.getByTestId("editor-stage")).toHaveAttribute("data-selected", "1");
    await shot(page, `editor-selected${tag}`, 1280);
    await shot(page, `editor-selected${tag}`, 390); // the phone's selection bar
    await page.setViewportSize({ width: 1280, height: 800 });
    const stage = page.getByTestId("editor-stage");
    const at = (await stage.boundingBox())!;
    await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2, { button: "right" });
    await expect(page.getByTestId("stage-context-menu")).toBeVisible();
    await expectNoAxeViolations(page, `right-click menu (${locale})`);
    await shot(page, `editor-context-menu${tag}`, 1280);
    await page.keyboard.press("Escape");

    // The same person in a second tab is not "someone else": no avatar of their own among the others.
    const second = await ctx.newPage();
    await second.goto(page.url());
    await expect(second.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
    await second.mouse.move(400, 400);
    await expect(stage).toHaveAttribute("data-peers", "1");
    await expect(page.getByTestId("peer-avatar")).toHaveCount(0);
    await second.close();
    await page.keyboard.press("Escape");

    // The studio: selling has the room it needs, and the red tee is flagged.
    const studio = await openStudio(page, L.sell);
    await expect(studio.getByTestId("sell-low-contrast")).toContainText(L.lowContrast);
    await expectNoAxeViolations(page, `studio, sell (${locale})`);
    await shot(page, `studio-sell${tag}`, 1280);
    await page.setViewportSize({ width: 390, height: 844 });
    await openStudio(page, L.sell, L.layers);
    await shot(page, `studio-sell${tag}`, 390);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();

    // Someone signed out opens an invite: the canvas, its cover, who invited, one step to join.
    const invite = await trpcPost<{ url: string }>(page, "invite.create", { canvasId, role: "editor" });
    const guest = await (await browser.newContext({ locale })).newPage();
    await guest.goto(new URL(invite.url).pathname);
    await expect(guest.getByTestId("invite-canvas-name")).toBeVisible();
    await expect(guest.getByTestId("invite-cover")).toBeVisible({ timeout: 60_000 }).catch(async () => {
      // The cover renders a few seconds after the design changes: look again once it has.
      await expect(async () => {
        await guest.reload();
        await expect(guest.getByTestId("invite-cover")).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 60_000 });
    });
    await expectNoAxeViolations(guest, `invite, signed out (${locale})`);
    await shot(guest, `invite-signed-out${tag}`, 1280);
    await shot(guest, `invite-signed-out${tag}`, 390);
    await guest.getByRole("link", { name: L.signUpJoin }).click();
    await expect(guest.getByTestId("invite-summary")).toBeVisible();
    await shot(guest, `sign-up-from-invite${tag}`, 1280);
    await shot(guest, `sign-up-from-invite${tag}`, 390);

    // The dashboard shows the design on its product, in its colour.
    await page.goto("/dashboard");
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("canvas-cover")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expectNoAxeViolations(page, `dashboard with a cover (${locale})`);
    await shot(page, `dashboard-cover${tag}`, 1280);
    await shot(page, `dashboard-cover${tag}`, 390);
  });
}
