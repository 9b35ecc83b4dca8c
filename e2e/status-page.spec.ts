import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, painted, SCREENSHOT_DIR, signUp, uniqueEmail } from "./helpers";
import { linkFromMail } from "./mail";
import { grantShopAdmin, trpcPost } from "./shopHelpers";

test("the status page shows an admin the parts, both queues with their workers and timings, and the device generations ran on", async ({ browser }) => {
  test.setTimeout(240_000);
  const email = uniqueEmail("ops-admin");
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signUp(page, "Otto Operator", email);
  await expect(page).toHaveURL(/\/dashboard$/);

  // Not an admin yet: the page says so and shows nothing of the system.
  await page.goto("/admin/status");
  await expect(page.getByTestId("status-page")).toHaveCount(0);

  await page.goto(await linkFromMail(email, "/verify-email"));
  await expect(page.getByTestId("verify-done")).toBeVisible();
  await grantShopAdmin(email);

  // Two quick generations, so that the GPU queue has something to show.
  const { id: canvasId } = await trpcPost<{ id: string }>(page, "canvas.create", { name: "Status check" });
  for (const seed of [11, 12]) await trpcPost(page, "generation.create", { canvasId, prompt: "blue star", seed, steps: 8 });

  await page.goto("/admin/status");
  await expect(page.getByRole("link", { name: "Status" })).toHaveAttribute("aria-current", "page");
  const parts = page.getByTestId("status-parts");
  for (const part of ["db", "storage", "worker"]) await expect(parts.locator(`[data-part="${part}"]`)).toHaveAttribute("data-up", "true");
  const workers = page.getByTestId("status-workers");
  await expect(workers.locator('[data-alive="true"]')).toHaveCount(2); // npm start's worker: one runner per queue
  await expect(workers.getByText("gpu", { exact: true })).toBeVisible();
  await expect(workers.getByText("cpu", { exact: true })).toBeVisible();
  await expect(workers.getByText("auto · merchboard-emoji")).toBeVisible();

  // It refreshes by itself: the generations finish and show on the GPU queue and the devices card.
  const gpu = page.getByTestId("queue-gpu");
  await expect(page.getByTestId("status-tasks").locator('[data-task="generate"]')).toBeVisible({ timeout: 120_000 });
  // Other journeys may have run the print-ready network too: the row of the diffusion model on cpu.
  const emojiRow = page.getByTestId("status-devices").getByRole("row").filter({ hasText: "merchboard-emoji" });
  await expect(emojiRow.getByRole("cell", { name: "cpu", exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(gpu.getByTestId("waiting")).toHaveText("0", { timeout: 120_000 });
  await expect(gpu.getByTestId("running")).toHaveText("0", { timeout: 120_000 });
  await expect(gpu.getByText(/^Last hour: \d+ done/)).toBeVisible();
  await expect(page.getByTestId("queue-cpu")).toBeVisible();
  await expectNoAxeViolations(page, "status page");

  await page.setViewportSize({ width: 1280, height: 900 });
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/status-page-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/status-page-390.png`, fullPage: true });
  await expectNoAxeViolations(page, "status page on a phone (tables scroll sideways)");
});
