import path from "node:path";
import { expect, test } from "@playwright/test";
import { catalogNames } from "../app/_i18n/catalogNames";
import { readOutbox } from "../server/mail/outbox";
import { productPath } from "../domain/shop/productPath";
import { expectNoAxeViolations, shoot, uniqueEmail } from "./helpers";
import { linkFromMail } from "./mail";
import { wordsIn, type Values } from "./words";
import { grantShopAdmin, publishTee, trpcGet, trpcPost } from "./shopHelpers";

const t = wordsIn("ko");
const OUTBOX = path.resolve(process.env.E2E_DATA_DIR!, "outbox");

/** The newest mail to `to` whose subject is `subject`, once it has arrived. */
async function mailTo(to: string, subject: string) {
  let text = "";
  await expect
    .poll(async () => {
      text = (await readOutbox(OUTBOX)).filter((m) => m.to === to && m.subject === subject).at(-1)?.text ?? "";
      return text;
    }, { message: `"${subject}" to ${to}`, timeout: 30_000 })
    .not.toBe("");
  return text;
}

test("a Korean shopper on a phone buys a tee priced in won; every mail is in Korean, the shipped one with the tracking link", async ({ browser }) => {
  test.setTimeout(360_000);
  // The seller puts a tee on sale in won, under a Hangul title, and runs the shop.
  const seller = await (await browser.newContext({ locale: "en-US" })).newPage();
  const { slug } = await publishTee(seller, { title: "밤 부엉이 티셔츠", price: 32000, currency: "KRW", colors: ["black"], back: false });
  expect(slug).toMatch(/^밤-부엉이-티셔츠-[a-z2-9]{6}$/);
  const { email: sellerEmail } = await trpcGet<{ email: string }>(seller, "auth.me");

  // The shopper: a phone, in Korean.
  const phone = await browser.newContext({ locale: "ko-KR", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(productPath(slug));
  await expect(page.getByRole("heading", { level: 1, name: "밤 부엉이 티셔츠" })).toBeVisible();
  await expect(page.getByTestId("price")).toHaveText("₩32,000");
  await page.getByRole("radio", { name: t("shop.product.colorNamed", { color: catalogNames("ko").color("Black") }) }).check();
  await page.getByRole("radio", { name: t("shop.product.sizeNamed", { size: "M" }) }).check();
  await page.getByRole("button", { name: t("shop.product.addToCart") }).click();
  await expect(page.getByTestId("added-to-cart")).toBeVisible();

  await page.goto("/checkout");
  const box = (key: Parameters<typeof t>[0], values?: Values) => page.getByRole("textbox", { name: t(key, values), exact: true });
  const buyer = uniqueEmail("minji");
  await box("shop.checkout.email").fill(buyer);
  // A Korean page ships to Korea: the address as Korean addresses are written, with a phone for the courier.
  await expect(page.getByRole("combobox", { name: t("shop.checkout.country") })).toHaveValue("대한민국");
  await box("shop.checkout.name").fill("김민지");
  await box("shop.checkout.phone").fill("01012345678");
  await box("shop.checkout.postalCode", { country: "KR" }).fill("06236");
  await page.getByRole("combobox", { name: t("shop.checkout.region", { country: "KR" }), exact: true }).click();
  await page.getByRole("option", { name: "서울특별시", exact: true }).click();
  await box("shop.checkout.city", { country: "KR" }).fill("강남구");
  await box("shop.checkout.line1", { country: "KR" }).fill("테헤란로 152");
  await box("shop.checkout.line2", { country: "KR" }).fill("12층 1201호");
  // In won throughout: the shop ships from abroad here (₩17,000), and the price says its VAT.
  await expect(page.getByTestId("summary-shipping")).toHaveText("₩17,000");
  await expect(page.getByTestId("summary-total")).toHaveText("₩49,000");
  await expect(page.getByTestId("summary-vat")).toHaveText(t("shop.summary.vatIncluded", { vat: "₩4,455" }));
  await expectNoAxeViolations(page, "Korean checkout in won");
  await shoot(page, "shop-korea-checkout");
  await page.getByRole("button", { name: new RegExp(`^${t("shop.checkout.pay", { total: "" }).replace(/\s·\s$/, "")}`) }).click();
  await page.waitForURL(/\/pay\/test\/[0-9a-f-]{36}\?key=/);
  await expect(page.getByTestId("pay-amount")).toHaveText("₩49,000");
  await page.getByRole("button", { name: t("shop.pay.approve"), exact: true }).click();

  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  const orderId = /\/orders\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await expect(page.getByText(t("shop.order.thanks"))).toBeVisible();
  await expect(page.getByTestId("order-address")).toContainText("서울특별시 강남구 테헤란로 152");
  await expect(page.getByText("010-1234-5678")).toBeVisible();
  const paid = await mailTo(buyer, "Merchboard 주문이 확정되었어요");
  expect(paid).toContain("1 × 밤 부엉이 티셔츠 (블랙, M)");
  expect(paid).toContain("합계: ₩49,000");
  expect(paid).toContain("부가세(10%) ₩4,455 포함");

  // The seller, as the shop's admin, ships it with CJ대한통운 once its print files exist.
  await seller.goto(await linkFromMail(sellerEmail, "/verify-email"));
  await grantShopAdmin(sellerEmail);
  await expect.poll(async () => (await trpcGet<{ status: string }>(seller, "order.get", { id: orderId })).status, { timeout: 120_000 }).toBe("in_production");
  await trpcPost(seller, "order.move", { id: orderId, to: "shipped", note: "꼼꼼히 포장해서 보냈어요.", tracking: { carrier: "cj", number: "6789-1234-5678" } });

  const shipped = await mailTo(buyer, "Merchboard 주문 상품이 발송되었어요");
  expect(shipped).toContain("CJ대한통운 운송장 번호: 678912345678");
  expect(shipped).toContain("판매자 메모: 꼼꼼히 포장해서 보냈어요.");
  expect(shipped).toContain("CJ대한통운에서 배송 조회하기: https://trace.cjlogistics.com/next/tracking.html?wblNo=678912345678");

  await page.reload();
  await expect(page.getByTestId("tracking-link")).toHaveText(t("shop.order.tracking.track", { carrier: "CJ대한통운" }));
  await expect(page.getByTestId("tracking-link")).toHaveAttribute("href", "https://trace.cjlogistics.com/next/tracking.html?wblNo=678912345678");
  await expectNoAxeViolations(page, "Korean order page, shipped");
  await shoot(page, "shop-korea-order");
  await phone.close();
});
