import { readFile } from "node:fs/promises";
import { expect, request, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createCanvas, dragOnStage, expectNoAxeViolations, painted, SCREENSHOT_DIR, signUp, uniqueEmail, openStudio } from "./helpers";
import { linkFromMail } from "./mail";
import { grantShopAdmin } from "./shopHelpers";

/** The e2e app's address, as playwright.config.ts chose it. */
const BASE_URL = `http://localhost:${process.env.E2E_PORT}`;

async function chooseProduct(page: Page, productId: string) {
  await page.getByTestId("choose-product").or(page.getByTestId("change-product")).click();
  await page.getByTestId(`product-${productId}`).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

/** A signed-out shopper's purchase over the API, as the shop pages make it: cart, checkout, test payment. */
async function guestBuys(slug: string, variantId: string, email: string): Promise<string> {
  const api = await request.newContext({ baseURL: BASE_URL });
  const call = async (proc: string, input: unknown) => {
    const res = await api.post(`/api/trpc/${proc}`, { data: { json: input } });
    expect(res.ok(), `${proc}: ${await res.text()}`).toBe(true);
    return (await res.json()).result.data.json;
  };
  const listing = await (await api.get(`/api/trpc/listing.get?input=${encodeURIComponent(JSON.stringify({ json: { slug } }))}`)).json();
  await call("cart.add", { listingId: listing.result.data.json.id, variantId, quantity: 2 });
  const { orderId, paymentUrl } = await call("checkout.create", {
    idempotencyKey: `e2e-admin-${Date.now()}`,
    email,
    shippingAddress: { name: "Gil Guest", line1: "350 Fifth Avenue", line2: "Floor 21", city: "New York", region: "NY", postalCode: "10118", country: "US", phone: "212-736-3100" },
  });
  const key = new URL(paymentUrl).searchParams.get("key");
  expect(await call("payment.testComplete", { orderId, key, action: "approve", card: "4242424242424242" })).toMatchObject({ outcome: "paid" });
  await api.dispose();
  return orderId;
}

/** The page at desktop and phone width; `onPhone` brings what is shot into view at 390. */
async function shootBoth(page: Page, name: string, onPhone?: () => Promise<void>, onDesktop?: () => Promise<void>) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await onDesktop?.();
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await painted(page);
  await onPhone?.();
  await painted(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await painted(page);
}

/**
 * The Sell tab in the side panel at 1280, and in the panel's drawer at 390, scrolled to `part`.
 * Each width mounts its own panel, so what is typed and not published does not survive this.
 */
async function shootSellPanel(page: Page, name: string, tab: string, panelButton: string, part = "sell-panel") {
  await shootBoth(
    page,
    name,
    async () => {
      const studio = await openStudio(page, tab, panelButton);
      await studio.getByTestId(part).evaluate((el) => el.scrollIntoView({ block: "start" }));
    },
    async () => {
      const studio = await openStudio(page, tab);
      await studio.getByTestId(part).evaluate((el) => el.scrollIntoView({ block: "start" }));
    },
  );
}

test("a seller publishes a tee; the shop admin sees it bought, downloads its print file, ships and delivers it", async ({ browser }) => {
  test.setTimeout(420_000);
  const sellerEmail = uniqueEmail("sally");
  const buyerEmail = uniqueEmail("gil");
  const ctx = await browser.newContext({ locale: "en-US" });
  const page = await ctx.newPage();

  // The seller signs up, confirms the e-mail and designs on a tee.
  await signUp(page, "Sally Seller", sellerEmail);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(await linkFromMail(sellerEmail, "/verify-email"));
  await expect(page.getByTestId("verify-done")).toBeVisible();
  await page.goto("/dashboard");
  await createCanvas(page, "Night owl tee");
  const canvasUrl = page.url();
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await chooseProduct(page, "tee");
  await page.getByRole("button", { name: "Rectangle", exact: true }).click();
  const stage = (await page.getByTestId("editor-stage").boundingBox())!;
  await dragOnStage(page, [stage.width / 2 - 70, stage.height / 2 - 70], [stage.width / 2 + 70, stage.height / 2 + 70]);
  await expect(page.getByTestId("layer-row")).toHaveCount(1);
  await page.keyboard.press("Escape");

  // The Sell tab: the price is held to the base price, and the margin is shown.
  const sell = (await openStudio(page, "Sell")).getByTestId("sell-panel");
  await expect(sell.getByLabel("Title")).toHaveValue("Night owl tee");
  await sell.getByLabel("Description").fill("A night owl in violet, printed on soft cotton.");
  const priceInput = sell.getByRole("textbox", { name: /Price/ });
  await priceInput.fill("12");
  await expect(sell.getByText("At least $18.00, the product's base price")).toBeVisible();
  await expect(sell.getByTestId("sell-publish")).toBeDisabled();
  await priceInput.fill("24");
  await expect(sell.getByTestId("sell-margin")).toContainText("You earn $6.00 per item");
  // Two colours in four sizes: few renders to wait for.
  for (const colour of ["Heather Grey", "Navy", "Red", "Forest Green", "Sand"]) await sell.getByRole("checkbox", { name: colour }).uncheck();
  for (const size of ["2XL", "3XL"]) await sell.getByRole("checkbox", { name: size }).uncheck();
  await expect(sell.getByText("8 variants. Publishing freezes the design")).toBeVisible();
  await sell.getByRole("switch", { name: "Limited edition" }).check();
  await sell.getByRole("textbox", { name: /Number of items/ }).fill("25");
  await expectNoAxeViolations(page, "editor, Sell tab before publishing");
  await sell.getByTestId("sell-publish").click();

  // Published: the link, the stock, and the renders filling in.
  await expect(sell.getByTestId("listing-status")).toHaveAttribute("data-published", "true");
  await expect(sell.getByTestId("listing-link")).toHaveValue(/\/p\/[\w-]+$/);
  const slug = (await sell.getByTestId("listing-link").inputValue()).split("/p/")[1]!;
  await expect(sell.getByTestId("listing-stock")).toHaveText("25 of 25 left");
  await expect(sell.getByTestId("listing-open")).toHaveAttribute("href", `/p/${slug}`);
  await expect(sell.getByTestId("sell-publish")).toHaveText("Publish new version");
  await expect(sell.getByTestId("listing-renders")).toHaveAttribute("data-done", "true", { timeout: 150_000 });
  await expect(sell.locator('[data-testid="listing-mockup"][data-status="succeeded"]')).toHaveCount(2);
  await expect(sell.locator('[data-testid="listing-print"][data-status="succeeded"]')).toHaveCount(1);
  await expectNoAxeViolations(page, "editor, Sell tab published");
  await shootSellPanel(page, "shop-sell-panel", "Sell", "Layers");
  await shootSellPanel(page, "shop-sell-form", "Sell", "Layers", "sell-form");

  // Before the operator's grant the admin pages say no, and the menu has no Shop admin.
  await page.goto("/admin/orders");
  await expect(page.getByTestId("admin-forbidden")).toBeVisible();
  await expectNoAxeViolations(page, "admin orders, not allowed");
  await grantShopAdmin(sellerEmail);

  // A guest buys two White M tees; the order is paid.
  const orderId = await guestBuys(slug, "tee-white-m", buyerEmail);

  // The admin finds it from the user menu, filters, and searches by e-mail.
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sally Seller" }).click();
  await page.getByTestId("nav-shop-admin").click();
  await expect(page).toHaveURL(/\/admin\/orders$/);
  const row = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
  await expect(row).toContainText("Night owl tee");
  // Two tees at $24.00, and shipping within the US: $4.99 and $1.50 for the second.
  await expect(row).toContainText("$54.49");
  await page.getByTestId("status-chip-delivered").click();
  await expect(row).toHaveCount(0);
  await page.getByTestId("status-chip-all").click();
  await expect(row).toBeVisible();
  await page.getByTestId("order-email-search").fill(buyerEmail);
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await expectNoAxeViolations(page, "admin orders");
  await shootBoth(page, "shop-admin-orders");

  // The order: the worker renders its print file and the order goes into production.
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/admin/orders/${orderId}$`));
  const order = page.getByTestId("admin-order");
  await expect(order.getByTestId("order-address")).toContainText("350 Fifth Avenue");
  const download = order.getByTestId("order-print-download");
  await expect(download).toBeVisible({ timeout: 120_000 });
  await expect(order).toHaveAttribute("data-status", "in_production", { timeout: 20_000 });
  await expect(order.getByTestId("order-print-file")).toContainText("1800 × 2400 px · 150 DPI");
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  const png = await readFile(await file.path());
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  const meta = await sharp(png).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(["png", 1800, 2400]);

  // A refund asks first; the admin thinks better of it.
  await order.getByTestId("move-refunded").click();
  await expect(page.getByRole("dialog", { name: "Refund this order?" })).toBeVisible();
  await expectNoAxeViolations(page, "admin order, refund dialog");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expectNoAxeViolations(page, "admin order detail");
  await shootBoth(page, "shop-admin-order");

  // Shipped with the carrier and tracking number and a note for the buyer, then delivered; the timeline tells it all.
  await order.getByTestId("move-shipped").click();
  const ship = page.getByRole("dialog");
  await ship.getByRole("combobox", { name: "Carrier" }).click();
  await page.getByRole("option", { name: "UPS", exact: true }).click();
  await ship.getByLabel("Tracking number").fill("1Z 999 AA1 01 2345 6784");
  await ship.getByLabel("Note").fill("Sent in one parcel.");
  await expectNoAxeViolations(page, "admin order, ship dialog");
  await shootBoth(page, "shop-admin-ship");
  await page.getByTestId("move-confirm").click();
  await expect(order).toHaveAttribute("data-status", "shipped");
  await expect(order.getByTestId("order-timeline")).toContainText("Sent in one parcel.");
  await expect(order.getByTestId("move-refunded")).toHaveCount(0);
  await order.getByTestId("move-delivered").click();
  await page.getByTestId("move-confirm").click();
  await expect(order).toHaveAttribute("data-status", "delivered");
  await expect(order.getByTestId("order-actions")).toHaveCount(0);
  await expect(order.locator('[data-testid="timeline-event"]')).toHaveCount(5);

  // The order's own page links to the carrier's tracking page.
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId("tracking-link")).toHaveAttribute("href", "https://www.ups.com/track?tracknum=1Z999AA10123456784");
  await expect(page.getByTestId("order-tracking")).toContainText("UPS · 1Z999AA10123456784");
  await expectNoAxeViolations(page, "order page with tracking");
  await shootBoth(page, "shop-order-tracking");
  await page.goto(`/admin/orders/${orderId}`);

  // The orders export for fulfilment: one row per item, with the address as shipped.
  const csv = await page.request.get("/api/shop/orders.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toContain(`${orderId.slice(0, 8).toUpperCase()},`);

  // The outbox has the buyer's mails, newest first; one opens in the reader.
  await page.getByRole("link", { name: "All orders" }).click();
  await page.getByRole("link", { name: "Outbox" }).click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  const mails = page.getByTestId("outbox-message").filter({ hasText: buyerEmail });
  await expect(mails.filter({ hasText: "Your Merchboard order was delivered" })).toHaveCount(1, { timeout: 30_000 });
  await expect(mails.first()).toContainText("was delivered");
  await mails.filter({ hasText: "has shipped" }).click();
  await expect(page.getByTestId("outbox-reader")).toContainText("Your Merchboard order has shipped");
  await expect(page.getByTestId("outbox-reader")).toContainText(orderId.slice(0, 8).toUpperCase());
  await expect(page.getByTestId("outbox-reader")).toContainText("UPS tracking number: 1Z999AA10123456784");
  await expect(page.getByTestId("outbox-reader")).toContainText("A note from the shop: Sent in one parcel.");
  await expectNoAxeViolations(page, "admin outbox");
  // On a phone the open message fills the screen, with a way back to the list.
  await shootBoth(page, "shop-admin-outbox", async () => {
    await expect(page.getByRole("button", { name: "All mail" })).toBeVisible();
  });

  // In Korean: the same pages, in natural Korean.
  await page.getByText("한국어", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "상점 관리" })).toBeVisible();
  await expectNoAxeViolations(page, "admin outbox (Korean)");
  await mails.filter({ hasText: "has shipped" }).click();
  await shootBoth(page, "shop-admin-outbox-ko");
  await page.goto("/admin/orders");
  await expect(page.getByTestId("status-chip-all")).toHaveText("전체");
  await expectNoAxeViolations(page, "admin orders (Korean)");
  await shootBoth(page, "shop-admin-orders-ko");
  await page.goto(`/admin/orders/${orderId}`);
  await expect(page.getByTestId("order-status").first()).toHaveText("배송 완료");
  await expectNoAxeViolations(page, "admin order detail (Korean)");
  await shootBoth(page, "shop-admin-order-ko");
  await page.goto(canvasUrl);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await openStudio(page, "판매");
  await expect(page.getByTestId("listing-stock")).toHaveText("25개 중 23개 남음");
  await expectNoAxeViolations(page, "editor, Sell tab (Korean)");
  await shootSellPanel(page, "shop-sell-panel-ko", "판매", "레이어");
  await shootSellPanel(page, "shop-sell-form-ko", "판매", "레이어", "sell-form");
});
