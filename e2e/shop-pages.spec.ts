import { expect, test, type Browser, type Page } from "@playwright/test";
import { catalogNames } from "../app/_i18n/catalogNames";
import { expectNoAxeViolations, shoot, signUp, uniqueEmail } from "./helpers";
import { publishTee } from "./shopHelpers";
import { wordsIn } from "./words";

type Lang = "en" | "ko";

/** The page's own words in either language, so one journey runs in both. */
const say = (lang: Lang) => wordsIn(lang);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let slug = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await (await browser.newContext({ locale: "en-US" })).newPage();
  ({ slug } = await publishTee(owner, { title: "Night Shift Tee", price: 2400, stock: 50 }));
  await owner.context().close();
});

/** A shopper who has never signed in, in a browser of their own. */
async function shopper(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: "en-US" })).newPage();
}

/** On the product page: Black, M, `quantity`, Add to cart; the drawer confirms it. */
async function addBlackM(page: Page, lang: Lang, quantity: number) {
  const t = say(lang);
  await page.getByRole("radio", { name: t("shop.product.colorNamed", { color: catalogNames(lang).color("Black") }) }).check();
  await page.getByRole("radio", { name: t("shop.product.sizeNamed", { size: "M" }) }).check();
  for (let i = 1; i < quantity; i++) await page.getByRole("button", { name: t("shop.quantity.increase") }).click();
  await expect(page.getByRole("textbox", { name: t("shop.quantity.label"), exact: true })).toHaveValue(String(quantity));
  await page.getByRole("button", { name: t("shop.product.addToCart") }).click();
  await expect(page.getByTestId("added-to-cart")).toBeVisible();
}

/** Picks `option` in the Select labelled `label`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** At checkout: contact and an address as the page's country writes it (a US one in English, a Korean one in Korean). */
async function fillAddressAndPay(page: Page, lang: Lang) {
  const t = say(lang);
  // Each country's own words for its address fields.
  const country = lang === "en" ? "US" : "KR";
  const box = (key: Parameters<typeof t>[0]) => page.getByRole("textbox", { name: t(key, { country }), exact: true });
  await box("shop.checkout.email").fill("guest.shopper@example.com");
  if (lang === "en") {
    await box("shop.checkout.name").fill("Jordan Guest");
    await box("shop.checkout.line1").fill("500 Market Street");
    await box("shop.checkout.line2").fill("Apt 4B");
    await box("shop.checkout.city").fill("San Francisco");
    await choose(page, t("shop.checkout.region", { country }), "California (CA)");
    await box("shop.checkout.postalCode").fill("94105");
    await box("shop.checkout.phone").fill("415 555 0132");
  } else {
    await box("shop.checkout.name").fill("김민지");
    await box("shop.checkout.phone").fill("010-1234-5678");
    await box("shop.checkout.postalCode").fill("06236");
    await choose(page, t("shop.checkout.region", { country }), "서울특별시");
    await box("shop.checkout.city").fill("강남구");
    await box("shop.checkout.line1").fill("테헤란로 152");
    await box("shop.checkout.line2").fill("12층 1201호");
  }
}

async function continueToPayment(page: Page, lang: Lang) {
  await page.getByRole("button", { name: new RegExp(`^${escape(say(lang)("shop.checkout.pay", { total: "" }).replace(/\s·\s$/, ""))}`) }).click();
  await page.waitForURL(/\/pay\/test\/[0-9a-f-]{36}\?key=/);
}

/** From the product page to the test provider's page, with `quantity` black tees in M. */
async function checkoutBlackM(page: Page, quantity: number) {
  await page.goto(`/p/${slug}`);
  await addBlackM(page, "en", quantity);
  await page.getByRole("link", { name: "Checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  await fillAddressAndPay(page, "en");
  await continueToPayment(page, "en");
}

test("a guest buys two black tees: product page, cart, checkout, test payment, order made", async ({ browser }) => {
  test.setTimeout(420_000);
  const t = say("en");
  const page = await shopper(browser);
  await page.goto(`/p/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "Night Shift Tee" })).toBeVisible();
  await expect(page.getByTestId("price")).toHaveText("$24.00");
  await expect(page.getByTestId("stock")).toHaveText("50 of 50 left");
  if (await page.getByTestId("gallery-pending").isVisible()) await shoot(page, "shop-product-rendering");

  // The mockups render after publishing; the page polls until they are in.
  const main = page.getByTestId("gallery-main");
  await expect(main).toBeVisible({ timeout: 120_000 });
  await expect(main).toHaveAttribute("data-color", "White");
  const whiteSrc = await main.getAttribute("src");
  await page.getByRole("radio", { name: "Colour: Black" }).check();
  await expect(main).toHaveAttribute("data-color", "Black");
  await expect(main).not.toHaveAttribute("src", whiteSrc!);
  await page.getByRole("button", { name: "Show Back" }).click();
  await expect(main).toHaveAttribute("data-area", "tee-back", { timeout: 120_000 });
  await page.getByRole("button", { name: "Show Front" }).click();
  // A garment's size chart, and for search engines the product as structured data.
  await page.getByRole("button", { name: "Size chart" }).click();
  await expect(page.getByTestId("size-chart")).toContainText("51 cm · 20 in");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ "@type": "Product", name: "Night Shift Tee", offers: { price: "24.00", priceCurrency: "USD" } });

  // A link shared anywhere previews with the finished mockup, the title and the price.
  const html = await (await page.request.get(`/p/${slug}`)).text();
  expect(html).toMatch(/<meta property="og:image" content="http:\/\/localhost:\d+\/api\/listing-renders\/[0-9a-f-]{36}"/);
  expect(html).toContain('<meta property="og:title" content="Night Shift Tee · $24.00"');
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image"');
  expect(html).toContain('<meta name="product:price:amount" content="24.00"');

  // Add to cart without a size asks for one.
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Choose a size")).toBeVisible();
  await expectNoAxeViolations(page, "product page");
  await shoot(page, "shop-product");
  await addBlackM(page, "en", 2);
  await expect(page.getByRole("link", { name: "Cart, 2 items" })).toBeVisible();
  await expectNoAxeViolations(page, "added-to-cart drawer");

  await page.getByRole("link", { name: "View cart" }).click();
  await page.waitForURL(/\/cart$/);
  const line = page.getByTestId("cart-line");
  await expect(line).toHaveCount(1);
  await expect(line).toContainText("Black · M");
  await expect(line.getByTestId("line-total")).toHaveText("$48.00");
  await line.getByRole("button", { name: t("shop.quantity.increase") }).click();
  await expect(line.getByTestId("line-total")).toHaveText("$72.00");
  await expect(page.getByTestId("summary-subtotal")).toHaveText("$72.00");
  await expect(page.getByRole("link", { name: "Cart, 3 items" })).toBeVisible();
  await expectNoAxeViolations(page, "cart");
  await shoot(page, "shop-cart");

  await page.getByRole("link", { name: "Checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  // The server's per-field answers, shown at each field.
  await page.getByRole("button", { name: /^Continue to payment/ }).click();
  await expect(page.getByText("Please check the highlighted fields.")).toBeVisible();
  // E-mail, name, street, city, state, ZIP and phone (US couriers call).
  await expect(page.getByText("Required", { exact: true })).toHaveCount(7);
  await fillAddressAndPay(page, "en");
  // Each error goes once its field is edited.
  await expect(page.getByText("Required", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Please check the highlighted fields.")).toHaveCount(0);
  // Domestic: 4.99 for the first item, 1.50 for each further one.
  await expect(page.getByTestId("summary-shipping")).toHaveText("$7.99");
  await expect(page.getByTestId("summary-total")).toHaveText("$79.99");
  // Abroad: 12.99 and 3.00 each.
  await page.getByRole("combobox", { name: "Country" }).click();
  await page.getByRole("combobox", { name: "Country" }).fill("Korea");
  await page.getByRole("option", { name: "South Korea" }).click();
  await expect(page.getByTestId("summary-shipping")).toHaveText("$18.99");
  await page.getByRole("combobox", { name: "Country" }).click();
  await page.getByRole("combobox", { name: "Country" }).fill("United States");
  await page.getByRole("option", { name: "United States", exact: true }).click();
  await expect(page.getByTestId("summary-total")).toHaveText("$79.99");
  await expect(page.getByTestId("shipping-rates").first()).toContainText("United States: $4.99 for the first item, $1.50 for each more · free from $100.00");
  await expectNoAxeViolations(page, "checkout");
  await shoot(page, "shop-checkout");
  await continueToPayment(page, "en");

  await expect(page.getByText("Test mode")).toBeVisible();
  await expect(page.getByTestId("pay-amount")).toHaveText("$79.99");
  await expect(page.getByLabel("Card number")).toHaveValue("4242 4242 4242 4242");
  await expect(page.getByTestId("test-card-hints")).toContainText("4000 0000 0000 0002");
  await expect(page.getByTestId("test-card-hints")).toContainText("4000 0027 6000 3184");
  await expectNoAxeViolations(page, "test payment page");
  await shoot(page, "shop-pay");
  await page.getByRole("button", { name: "Approve", exact: true }).click();

  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  await expect(page.getByText("Thank you! Your order is confirmed.")).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", /^(paid|in_production)$/);
  await expect(page.getByTestId("order-line")).toContainText("Black · M · Qty 3");
  await expect(page.getByTestId("order-address")).toContainText("500 Market Street");
  await expect(page.getByTestId("summary-total")).toHaveText("$79.99");
  await expect(page.getByRole("link", { name: "Cart", exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "order page, paid");
  // The worker renders the print files; the page polls and moves on by itself.
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "in_production", { timeout: 120_000 });
  await expect(page.getByTestId("order-timeline")).toContainText("Print files ready, sent to production");
  await expectNoAxeViolations(page, "order page, in production");
  await shoot(page, "shop-order");
  await page.context().close();
});

test("a declined payment can be tried again from the order page", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await shopper(browser);
  await checkoutBlackM(page, 1);
  await page.getByRole("button", { name: "Decline", exact: true }).click();

  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "payment_failed");
  await expect(page.getByTestId("payment-failed")).toContainText("The payment did not go through");
  await expectNoAxeViolations(page, "order page, payment failed");
  await shoot(page, "shop-order-failed");
  await page.getByRole("link", { name: "Try again" }).click();
  await page.waitForURL(/\/pay\/test\//);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", /^(paid|in_production)$/);
  await expect(page.getByTestId("order-timeline")).toContainText("Payment declined");
  await expect(page.getByTestId("order-timeline")).toContainText("Payment received");
  await page.context().close();
});

test("a signed-in buyer finds the order under Your orders, and opens it from there", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await shopper(browser);
  await signUp(page, "Bea Buyer", uniqueEmail("bea"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/orders");
  await expect(page.getByText("You have not ordered anything yet.")).toBeVisible();
  await expectNoAxeViolations(page, "orders, none yet");

  await checkoutBlackM(page, 2);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  const orderId = /\/orders\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  // From the account menu, as a buyer would look for it.
  await page.getByRole("button", { name: /Bea Buyer/ }).click();
  await page.getByRole("menuitem", { name: /orders/i }).click();
  await page.waitForURL(/\/orders$/);
  const row = page.getByTestId("orders-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Night Shift Tee");
  await expect(row).toContainText("2 items");
  await expect(row).toContainText("$54.49");
  await expect(row).toContainText(/Paid|In production/);
  // With the first item's picture: the black tee's front.
  await expect(row.locator("img")).toHaveAttribute("src", /^\/api\/listing-renders\/[0-9a-f-]{36}$/);
  await expectNoAxeViolations(page, "orders");
  await shoot(page, "shop-orders");
  // Signed in, the order opens without the link's key.
  await row.click();
  await page.waitForURL(new RegExp(`/orders/${orderId}$`));
  await expect(page.getByTestId("order-line")).toContainText("Black · M · Qty 2");
  await expect(page.getByTestId("summary-total")).toHaveText("$54.49");
  await page.context().close();
});

test("in Korean, with the card that asks for a verification code", async ({ browser }) => {
  test.setTimeout(240_000);
  const t = say("ko");
  const page = await shopper(browser);
  await page.goto(`/p/${slug}`);
  await page.getByText("한국어").click();
  await expect(page.getByRole("button", { name: t("shop.product.addToCart") })).toBeVisible();
  await expect(page.getByTestId("gallery-main")).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId("price")).toHaveText("US$24.00");
  // The catalog speaks Korean too: the goods, their colour and the sides of the gallery.
  await expect(page.getByText("클래식 티셔츠", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: t("shop.gallery.show", { area: "뒷면" }) })).toBeVisible();
  await addBlackM(page, "ko", 2);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("added-to-cart")).toHaveCount(0);
  await expectNoAxeViolations(page, "product page, Korean");
  await shoot(page, "shop-product-ko");

  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-line")).toContainText("클래식 티셔츠 · 블랙 · M");
  await expectNoAxeViolations(page, "cart, Korean");
  await shoot(page, "shop-cart-ko");

  await page.goto("/checkout");
  // A Korean page ships to Korea: the form asks as Korean addresses are written.
  await fillAddressAndPay(page, "ko");
  await expect(page.getByTestId("summary-shipping")).toHaveText("US$15.99");
  await expectNoAxeViolations(page, "checkout, Korean");
  await shoot(page, "shop-checkout-ko");
  await continueToPayment(page, "ko");

  await expect(page.getByText(t("shop.pay.testMode"))).toBeVisible();
  await page.getByRole("button", { name: t("shop.pay.useCard", { card: "4000 0027 6000 3184" }) }).click();
  await expect(page.getByLabel(t("shop.pay.card"))).toHaveValue("4000 0027 6000 3184");
  await expectNoAxeViolations(page, "test payment page, Korean");
  await shoot(page, "shop-pay-ko");
  await page.getByRole("button", { name: t("shop.pay.approve"), exact: true }).click();
  await expect(page.getByTestId("verification")).toBeVisible();
  await page.getByLabel(t("shop.pay.code")).fill("123456");
  await expectNoAxeViolations(page, "test payment verification, Korean");
  await shoot(page, "shop-pay-verify-ko");
  await page.getByRole("button", { name: t("shop.pay.confirm") }).click();

  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", /^(paid|in_production)$/);
  await expect(page.getByText(t("shop.order.thanks"))).toBeVisible();
  await expectNoAxeViolations(page, "order page, Korean");
  await shoot(page, "shop-order-ko");
  await page.context().close();
});

test("the shop lists what is on sale, and a product page leads to its seller's shop", async ({ browser }) => {
  const page = await shopper(browser);
  await page.goto(`/p/${slug}`);
  await page.getByTestId("seller-shop").click();
  await page.waitForURL(/\/shop\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("storefront-item").filter({ hasText: "Night Shift Tee" })).toBeVisible();
  await expectNoAxeViolations(page, "seller's shop");
  await shoot(page, "shop-seller");
  await page.getByRole("link", { name: "See the whole shop" }).click();
  await page.waitForURL(/\/shop$/);
  await expect(page.getByTestId("storefront-item").filter({ hasText: "Night Shift Tee" })).toHaveCount(1);
  await expectNoAxeViolations(page, "shop");
  await shoot(page, "shop-storefront");
  await page.getByTestId("storefront-item").filter({ hasText: "Night Shift Tee" }).click();
  await page.waitForURL(new RegExp(`/p/${escape(slug)}$`));
  const sitemap = await page.request.get("/sitemap.xml");
  expect(await sitemap.text()).toContain(`/p/${slug}</loc>`);
});

test("an unknown product is a 404", async ({ page }) => {
  const res = await page.goto("/p/no-such-product-here");
  expect(res?.status()).toBe(404);
});
