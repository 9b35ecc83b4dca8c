import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, shoot, signUp, uniqueEmail } from "./helpers";
import { linkFromMail } from "./mail";

test("a new account confirms its e-mail from the mail; a forgotten password is reset by mail and the old session ends", async ({ browser }) => {
  const email = uniqueEmail("vera");
  const firstCtx = await browser.newContext({ locale: "en-US" });
  const first = await firstCtx.newPage();
  await signUp(first, "Vera Verified", email);
  await expect(first).toHaveURL(/\/dashboard$/);
  // Unverified accounts work; the dashboard asks for the confirmation.
  await expect(first.getByTestId("verify-notice")).toContainText(email);
  await expectNoAxeViolations(first, "dashboard (e-mail not confirmed)");

  await first.goto(await linkFromMail(email, "/verify-email"));
  await expect(first.getByTestId("verify-done")).toContainText(`${email} is confirmed`);
  await expectNoAxeViolations(first, "e-mail confirmed");
  await shoot(first, "verify-email");
  await first.getByRole("link", { name: "Go to your canvases" }).click();
  await expect(first).toHaveURL(/\/dashboard$/);
  await expect(first.getByRole("heading", { name: "Your canvases" })).toBeVisible();
  await expect(first.getByTestId("verify-notice")).toHaveCount(0);

  // On another device, the password is forgotten.
  const secondCtx = await browser.newContext({ locale: "en-US" });
  const second = await secondCtx.newPage();
  await second.goto("/sign-in");
  await second.getByRole("link", { name: "Forgot password?" }).click();
  await expect(second).toHaveURL(/\/forgot-password$/);
  await expectNoAxeViolations(second, "forgot password");
  await shoot(second, "forgot-password");
  await second.getByLabel("E-mail").fill(email);
  await second.getByRole("button", { name: "Send reset link" }).click();
  await expect(second.getByTestId("reset-sent")).toContainText("a link is on its way");
  await expectNoAxeViolations(second, "reset link sent");

  const resetLink = await linkFromMail(email, "/reset-password");
  await second.goto(resetLink);
  await expect(second.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoAxeViolations(second, "reset password");
  await shoot(second, "reset-password");
  await second.getByLabel("New password").fill("a whole new password");
  await second.getByRole("button", { name: "Save and sign in" }).click();
  await expect(second).toHaveURL(/\/dashboard$/);

  // The first device's session ended with the reset.
  await first.reload();
  await expect(first).toHaveURL(/\/sign-in/);
  // The link worked once.
  await second.goto(resetLink);
  await second.getByLabel("New password").fill("another password again");
  await second.getByRole("button", { name: "Save and sign in" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "This link is not valid any more" })).toBeVisible();
  await expectNoAxeViolations(second, "reset password (used link)");

  // The new password signs in; the old one does not.
  await first.getByLabel("E-mail").fill(email);
  await first.getByLabel(/^Password/).fill("correct horse battery");
  await first.getByRole("button", { name: "Sign in" }).click();
  await expect(first.getByRole("alert").filter({ hasText: "Wrong e-mail or password" })).toBeVisible();
  await first.getByLabel(/^Password/).fill("a whole new password");
  await first.getByRole("button", { name: "Sign in" }).click();
  await expect(first).toHaveURL(/\/dashboard$/);
});

test("a password typed before the page is interactive never lands in the address", async ({ browser }) => {
  // With scripts off the form submits itself, as a press before hydration does.
  const page = await (await browser.newContext({ locale: "en-US", javaScriptEnabled: false })).newPage();
  for (const path of ["/sign-in", "/sign-up"]) {
    await page.goto(path);
    await page.getByLabel("E-mail").fill("early@example.com");
    await page.getByLabel(/^Password/).fill("typed too early");
    await page.getByRole("button", { name: path === "/sign-in" ? "Sign in" : "Create account" }).click();
    await page.waitForLoadState("load");
    expect(page.url()).not.toContain("typed");
    expect(page.url()).not.toContain("early%40example.com");
  }
});
