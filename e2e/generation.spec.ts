import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, shoot, ownerAndInvitee } from "./helpers";
import { trpcPost } from "./shopHelpers";

/** Fills the form for a slow enough generation (most steps, four images) and queues it. */
async function queue(page: Page, prompt: string) {
  await page.getByTestId("prompt").fill(prompt);
  const advanced = page.getByRole("button", { name: "Advanced options" });
  if ((await advanced.getAttribute("aria-expanded")) !== "true") await advanced.click();
  const steps = page.getByRole("slider").first();
  await steps.focus();
  await steps.press("End");
  await page.getByTestId("generation-form").getByText("4", { exact: true }).click();
  await page.getByTestId("generate-button").click();
}

test("one person queues, the other watches it run, and the result placed on the canvas reaches both", async ({ browser }) => {
  // Two generations of four 60-step images each run on the CPU here.
  test.setTimeout(180_000);
  const [alice, bob] = await ownerAndInvitee(browser, { owner: "Alice Artist", invitee: "Bob Buyer" }, "Emoji tote");
  await expect(bob.getByTestId("generation-panel")).toBeVisible();
  await expect(bob.getByTestId("prompt")).toBeVisible();
  await expectNoAxeViolations(bob, "generation panel (empty queue)");

  // Bob's page records everything his queue shows as it happens, so that what he saw while the
  // first one ran is checked afterwards, however fast the worker went.
  await bob.evaluate(`(() => {
    const seen = (window.__queueSeen = { running: false, steps: [], preview: false, queued: [] });
    const look = () => {
      for (const card of document.querySelectorAll('[data-testid="generation-card"]')) {
        const status = card.getAttribute("data-status");
        if (status === "running") {
          seen.running = true;
          const step = card.querySelector('[data-testid="generation-step"]')?.textContent;
          if (step && !seen.steps.includes(step)) seen.steps.push(step);
          if (card.querySelector('[data-testid="generation-preview"]')) seen.preview = true;
        }
        if (status === "queued") seen.queued.push(card.textContent);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  })()`);

  // Alice queues two; Bob sees the first run (progress, then a preview) with the second in line.
  // The second goes straight to the API: filling the form again can take longer than the bundled
  // model needs for the first, and then nothing would ever wait in line.
  await queue(alice, "red heart");
  const canvasId = new URL(alice.url()).pathname.split("/").pop();
  await trpcPost(alice, "generation.create", { canvasId, prompt: "cat face", steps: 60, count: 4 });
  const running = bob.locator('[data-testid="generation-card"][data-status="running"]');
  if (await running.isVisible().catch(() => false)) await bob.screenshot({ path: `${SCREENSHOT_DIR}/generation-running-1280.png` });
  await expectNoAxeViolations(alice, "generation panel, advanced options, queue running");

  const done = bob.locator('[data-testid="generation-card"][data-status="succeeded"]');
  await expect(done).toHaveCount(2, { timeout: 120_000 });
  const seen = (await bob.evaluate("window.__queueSeen")) as { running: boolean; steps: string[]; preview: boolean; queued: string[] };
  expect(seen.running).toBe(true);
  expect(seen.steps.some((s) => /^Step [1-9]\d* of 60$/.test(s))).toBe(true);
  expect(seen.preview).toBe(true);
  expect(seen.queued.some((t) => t.includes("#1 in line"))).toBe(true);
  await expect(done.first().getByTestId("generation-result")).toHaveCount(4);
  await expect(done.first()).toContainText("Alice Artist");
  await expectNoAxeViolations(bob, "generation panel with results");

  // Alice places a result; Bob sees it on the canvas with where it came from.
  const heart = alice.locator('[data-testid="generation-card"]', { hasText: "red heart" });
  await heart.getByTestId("generation-result").first().click();
  await expect(bob.getByTestId("layer-row")).toHaveCount(1);
  await expect(bob.getByTestId("layer-row").first()).toContainText("red heart");
  await bob.getByTestId("layer-row").first().click();
  await expect(bob.getByTestId("provenance-prompt")).toHaveText("red heart");
  await expectNoAxeViolations(bob, "editor, a generated image selected (provenance)");

  // Reuse settings fills Bob's form with the image's prompt and seed.
  await bob.getByTestId("reuse-settings").click();
  await expect(bob.getByTestId("prompt")).toHaveValue("red heart");
  await expect(bob.getByTestId("seed")).not.toHaveValue("");
  await shoot(bob, "generation-placed");
});
