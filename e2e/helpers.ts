import type { Page } from "@playwright/test";

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
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** From the dashboard: a new canvas, waiting until its editor is live. */
export async function createCanvas(page: Page, name: string) {
  await page.getByRole("button", { name: "New canvas" }).first().click();
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
