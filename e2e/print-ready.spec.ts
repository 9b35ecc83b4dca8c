import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, shoot, ownerAndInvitee } from "./helpers";

test("a generated image made print-ready is replaced in place, transparent, for a second member too", async ({ browser }) => {
  test.setTimeout(180_000);
  const [alice, bob] = await ownerAndInvitee(browser, { owner: "Alice Printer", invitee: "Bob Buyer" }, "Sticker sheet");

  // Alice generates a heart and places it; it is 64 px, too small to print, so the panel offers print-ready.
  await alice.getByTestId("prompt").fill("red heart");
  await alice.getByTestId("generate-button").click();
  const done = alice.locator('[data-testid="generation-card"][data-status="succeeded"]');
  await expect(done).toHaveCount(1, { timeout: 90_000 });
  await done.getByTestId("generation-result").first().click();
  await expect(alice.getByTestId("make-print-ready")).toBeVisible();
  await expect(alice.getByText(/64 × 64 px is too small to print/)).toBeVisible();
  await expectNoAxeViolations(alice, "editor, a generated image selected with print-ready offered");
  await alice.getByTestId("make-print-ready").click();

  // The request joins the shared queue; Bob sees it there and, once it is done, the new image in place.
  await expect(bob.locator('[data-testid="generation-card"]', { hasText: "red heart" }).getByTestId("print-ready-badge").first()).toBeVisible({ timeout: 30_000 });
  await expect(bob.locator('[data-testid="generation-card"][data-status="succeeded"]')).toHaveCount(2, { timeout: 90_000 });
  await expect(bob.getByTestId("layer-row")).toHaveCount(1);
  await bob.getByTestId("layer-row").first().click();
  await expect(bob.getByTestId("print-ready-done")).toContainText("1024 × 1024 px");
  await expect(alice.getByTestId("print-ready-done")).toContainText("1024 × 1024 px");
  await expect(bob.getByTestId("provenance")).toContainText("merchboard-print-ready");
  await expectNoAxeViolations(bob, "editor, a print-ready image selected");
  await shoot(bob, "print-ready-replaced");
});
