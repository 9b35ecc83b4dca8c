import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, shoot, signUp, uniqueEmail } from "./helpers";
import { linkFromMail } from "./mail";
import { grantShopAdmin, publishTee, trpcGet, trpcPost } from "./shopHelpers";

test.describe.configure({ mode: "serial" });

test("the shop admin sets shipping to nearby countries and a discount code; a shopper in Japan uses it; the admin refunds one tee", async ({ browser }) => {
  test.setTimeout(420_000);
  const adminEmail = uniqueEmail("ada-admin");
  const admin = await (await browser.newContext({ locale: "en-US" })).newPage();
  const { slug } = await publishTee(admin, { title: "Harbour Lights Tee", price: 3000, colors: ["black"], sizes: ["m", "l"], back: false });
  await admin.context().clearCookies();
  await signUp(admin, "Ada Admin", adminEmail);
  await expect(admin).toHaveURL(/\/dashboard$/);
  await admin.goto(await linkFromMail(adminEmail, "/verify-email"));
  await expect(admin.getByTestId("verify-done")).toBeVisible();
  await grantShopAdmin(adminEmail);
  const before = await trpcGet<{ zoneCountries: string[]; rates: unknown }>(admin, "shipping.table");

  // Shipping: Japan joins the nearby zone, which now costs 7.00 and 1.00 for each more tee.
  await admin.goto("/admin/shipping");
  await admin.getByRole("combobox", { name: "Nearby countries" }).click();
  await admin.getByRole("combobox", { name: "Nearby countries" }).fill("Japan");
  await admin.getByRole("option", { name: "Japan" }).click();
  await admin.keyboard.press("Escape");
  const usd = admin.getByTestId("rates-USD");
  await usd.getByRole("textbox", { name: "Nearby · First item (USD)" }).fill("7.00");
  await usd.getByRole("textbox", { name: "Nearby · Each more item (USD)" }).fill("1.00");
  await admin.getByRole("button", { name: "Save rates" }).click();
  await expect(admin.getByText("Shipping rates saved.")).toBeVisible();
  await expectNoAxeViolations(admin, "shipping rates");
  await shoot(admin, "shop-admin-shipping");

  // A discount code: 20 % off the whole shop, twice at most (the app's data outlives a run: a code of its own).
  const typed = `harbour${Date.now() % 1_000_000}`;
  const CODE = typed.toUpperCase();
  await admin.goto("/admin/discounts");
  await admin.getByRole("textbox", { name: "Code" }).fill(typed);
  await admin.getByRole("textbox", { name: "How much" }).fill("20");
  await admin.getByRole("textbox", { name: "Uses at most" }).fill("2");
  await admin.getByRole("button", { name: "Create code" }).click();
  await expect(admin.getByText(`${CODE} is ready to use.`)).toBeVisible();
  await expect(admin.getByTestId("discount-codes")).toContainText(CODE);
  await expect(admin.getByRole("row").filter({ hasText: CODE })).toContainText("0 / 2");
  await expectNoAxeViolations(admin, "discount codes");
  await shoot(admin, "shop-admin-discounts");

  // The shopper sees the zones on the product page, and checks out to Japan with the code.
  const shopper = await (await browser.newContext({ locale: "en-US" })).newPage();
  await shopper.goto(`/p/${slug}`);
  await expect(shopper.getByTestId("shipping-rates")).toContainText("Japan");
  await expect(shopper.getByTestId("shipping-rates")).toContainText("$7.00 for the first item, $1.00 for each more");
  await shopper.getByRole("radio", { name: "Size: M" }).check();
  await shopper.getByRole("button", { name: "One more" }).click();
  await shopper.getByRole("button", { name: "Add to cart" }).click();
  await shopper.getByRole("link", { name: "Checkout" }).click();
  await shopper.waitForURL(/\/checkout$/);
  // The summary is priced (and the page done moving) before the country changes.
  await expect(shopper.getByTestId("summary-shipping")).toHaveText("$6.49");
  await shopper.getByRole("combobox", { name: "Country" }).click();
  await shopper.getByRole("combobox", { name: "Country" }).fill("Japan");
  await expect(shopper.getByRole("option", { name: "Japan" })).toBeVisible();
  await shopper.getByRole("option", { name: "Japan" }).click();
  await expect(shopper.getByTestId("summary-shipping")).toHaveText("$8.00");

  const code = shopper.getByRole("textbox", { name: "Discount code" });
  await code.fill("HARBOR20");
  await shopper.getByRole("button", { name: "Apply" }).click();
  await expect(shopper.getByText("There is no such discount code.")).toBeVisible();
  await code.fill(typed);
  await code.press("Enter");
  await expect(shopper.getByTestId("discount-applied")).toContainText(`${CODE} applied`);
  await expect(shopper.getByTestId("summary-discount")).toHaveText("−$12.00");
  await expect(shopper.getByTestId("summary-total")).toHaveText("$56.00");

  await shopper.getByRole("textbox", { name: "E-mail", exact: true }).fill("kenji@example.com");
  await shopper.getByRole("textbox", { name: "Full name", exact: true }).fill("Kenji Sato");
  await shopper.getByRole("textbox", { name: "Address", exact: true }).fill("1-1 Marunouchi");
  await shopper.getByRole("textbox", { name: "City", exact: true }).fill("Chiyoda-ku, Tokyo");
  await shopper.getByRole("textbox", { name: "Postal code", exact: true }).fill("100-0005");
  await shopper.getByRole("textbox", { name: "Phone (optional)", exact: true }).fill("+81 3 1234 5678");
  await expectNoAxeViolations(shopper, "checkout with a discount");
  await shoot(shopper, "shop-checkout-discount");
  await shopper.getByRole("button", { name: /^Continue to payment/ }).click();
  await shopper.waitForURL(/\/pay\/test\//);
  await expect(shopper.getByTestId("pay-amount")).toHaveText("$56.00");
  await shopper.getByRole("button", { name: "Approve", exact: true }).click();
  await shopper.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  await expect(shopper.getByTestId("summary-discount")).toHaveText("−$12.00");
  const orderUrl = shopper.url();
  const orderId = /\/orders\/([0-9a-f-]{36})/.exec(orderUrl)![1]!;

  // The admin gives one tee back: 30.00 less its 6.00 share of the discount.
  await admin.goto(`/admin/orders/${orderId}`);
  await admin.getByRole("button", { name: "Refund items…" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Units of Harbour Lights Tee to refund" }).fill("1");
  await expect(dialog.getByTestId("refund-amount")).toHaveText("Refund: $24.00");
  await dialog.getByRole("textbox", { name: "Reason" }).fill("One shirt had a misprint on the sleeve.");
  await expectNoAxeViolations(admin, "refund dialog");
  await shoot(admin, "shop-admin-refund");
  await dialog.getByRole("button", { name: "Refund $24.00" }).click();
  await expect(admin.getByText("$24.00 refunded. The buyer was e-mailed.")).toBeVisible();
  await expect(admin.getByTestId("admin-order")).toContainText("1 refunded");

  await shopper.goto(orderUrl);
  await expect(shopper.getByTestId("summary-refunded")).toHaveText("−$24.00");
  await expect(shopper.getByTestId("line-refunded")).toHaveText("1 refunded");
  await shoot(shopper, "shop-order-refunded");

  // The shop's rates as they were, for the journeys that follow.
  await trpcPost(admin, "shipping.save", before);
  await admin.context().close();
  await shopper.context().close();
});
