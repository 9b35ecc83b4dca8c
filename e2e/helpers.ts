import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";

export const SCREENSHOT_DIR = "e2e/screenshots";

export const uniqueEmail = (who: string) => `${who}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;

export async function signUp(page: Page, name: string, email: string, path = "/sign-up") {
  await page.goto(path);
  await page.getByLabel(/Your name|이름/).fill(name);
  await page.getByLabel(/E-mail|이메일/).fill(email);
  await page.getByLabel(/^Password|^비밀번호/).fill("correct horse battery");
  await page.getByRole("button", { name: /Create account|계정 만들기/ }).click();
}

/** Screenshots at the two sizes the product is judged at: desktop and a phone. */
export async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** From the dashboard: a new canvas, waiting until its editor is live. */
export async function createCanvas(page: Page, name: string) {
  // A click that lands before the page has hydrated opens nothing: click again until the dialog is up.
  await expect(async () => {
    await page.getByRole("button", { name: "New canvas" }).first().click();
    await expect(page.getByLabel("Name")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create" }).click();
  await page.waitForURL(/\/canvas\/[0-9a-f-]{36}$/);
}

/** From a canvas page: a fresh invite link (editor unless the role is changed first). */
export async function createInviteLink(page: Page) {
  await page.getByRole("button", { name: "Share" }).click();
  await page.getByRole("button", { name: "Create invite link" }).click();
  return page.getByTestId("invite-url").inputValue();
}

/** A mouse drag on the editor's stage, in stage pixels, with moves in between as a hand makes. */
export async function dragOnStage(page: Page, from: [number, number], to: [number, number]) {
  const box = (await page.getByTestId("editor-stage").boundingBox())!;
  await page.mouse.move(box.x + from[0], box.y + from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + (from[0] + to[0]) / 2, box.y + (from[1] + to[1]) / 2, { steps: 4 });
  await page.mouse.move(box.x + to[0], box.y + to[1], { steps: 4 });
  await page.mouse.up();
}

/** The WCAG 2.0 and 2.1 rules at levels A and AA: what the product is held to. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Waits until the page shows what it will show: web fonts loaded, finite animations and
 * transitions (a drawer opening, a resize's reflow) ended, and two frames drawn since.
 */
export async function painted(page: Page) {
  await page.waitForLoadState("domcontentloaded");
  await page.evaluate(async () => {
    await document.fonts.ready;
    const finite = () => document.getAnimations().filter((a) => a.playState === "running" && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    for (let i = 0; i < 10 && finite().length; i++) await Promise.allSettled(finite().map((a) => a.finished));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** Waits until nothing on the page is moving: finite animations and transitions (dialogs opening, menus, toasts) have ended. */
async function settled(page: Page) {
  await painted(page);
  await page.evaluate(async () => {
    // Toasts fade out with inline styles, not animations, and one that closes while axe reads the
    // page is a blend that fails contrast in that instant only: wait for self-closing toasts (4 s)
    // to go (6 s at most), then for any that stays to be fully opaque.
    const toasts = () => [...document.querySelectorAll<HTMLElement>(".mantine-Notification-root")];
    for (let i = 0; i < 120 && toasts().length; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const fading = () => toasts().some((n) => getComputedStyle(n.parentElement ?? n).opacity !== "1" || getComputedStyle(n).opacity !== "1");
    for (let i = 0; i < 40 && fading(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * Runs axe-core's WCAG 2 A/AA rules on what the page shows now and fails the test, softly, with one
 * readable line per offending element: the journey goes on, so one run reports every page and
 * dialog. `what` names the page or dialog in the report.
 */
export async function expectNoAxeViolations(page: Page, what: string) {
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const lines = violations.flatMap((v) =>
    v.nodes.map((n) => {
      const contrast = (n.any.find((c) => c.id === "color-contrast")?.data ?? null) as { fgColor: string; bgColor: string; contrastRatio: number; expectedContrastRatio: string } | null;
      const detail = contrast
        ? `${contrast.fgColor} on ${contrast.bgColor} is ${contrast.contrastRatio}:1, needs ${contrast.expectedContrastRatio}`
        : (n.failureSummary ?? "").split("\n").slice(1).map((l) => l.trim()).filter(Boolean).join("; ");
      return `${v.id} (${v.impact}) ${n.target.join(" ")}: ${detail} — ${n.html.slice(0, 120)}`;
    }),
  );
  if (violations.length) await test.info().attach(`axe-${what}`, { body: JSON.stringify(violations, null, 2), contentType: "application/json" });
  expect.soft(lines, `axe (${AXE_TAGS.join(", ")}) on ${what}`).toEqual([]);
}

/**
 * Two people in one live canvas: the owner signs up and creates it, the other signs up and joins
 * by the owner's invite link. Each has a browser context of their own.
 */
export async function ownerAndInvitee(browser: Browser, names: { owner: string; invitee: string }, canvasName: string): Promise<[Page, Page]> {
  const owner = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signUp(owner, names.owner, uniqueEmail(names.owner.split(" ")[0]!.toLowerCase()));
  await expect(owner).toHaveURL(/\/dashboard$/);
  await createCanvas(owner, canvasName);
  await expect(owner.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  const link = await createInviteLink(owner);
  await owner.keyboard.press("Escape");
  const invitee = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signUp(invitee, names.invitee, uniqueEmail(names.invitee.split(" ")[0]!.toLowerCase()));
  await expect(invitee).toHaveURL(/\/dashboard$/);
  await invitee.goto(link);
  await invitee.getByTestId("invite-join").click();
  await expect(invitee.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  return [owner, invitee];
}

/**
 * The studio drawer (sell, mockups, print files) open on `tab`. On a phone its button sits in the
 * side panel's drawer, opened by `panelButton` first.
 */
export async function openStudio(page: Page, tab: string, panelButton?: string): Promise<Locator> {
  const studio = page.getByRole("dialog").filter({ has: page.getByRole("tab", { name: tab }) });
  if (!(await studio.isVisible())) {
    const open = page.getByTestId("open-studio");
    if (panelButton && !(await open.isVisible())) await page.getByRole("button", { name: panelButton }).click();
    await open.click();
  }
  await studio.getByRole("tab", { name: tab }).click();
  return studio;
}
