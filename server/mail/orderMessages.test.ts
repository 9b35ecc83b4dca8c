import { describe, expect, it } from "vitest";
import { orderStatusMail } from "./orderMessages";

const facts = { to: "ada@example.com", orderId: "0a1b2c3d-0000-4000-8000-000000000000", total: 6249, currency: "USD", items: [{ title: "Night <Owl> Tee", quantity: 2, variant: "Black, M" }], link: "https://merch.example/orders/0a1b?key=abc" };

describe("order e-mails", () => {
  it("say what happened, list the items and the total, and link to the order", () => {
    const mail = orderStatusMail("paid", facts)!;
    expect(mail.subject).toBe("Your Merchboard order is confirmed");
    expect(mail.category).toBe("order");
    expect(mail.text).toContain("Order 0A1B2C3D");
    expect(mail.text).toContain("2 × Night <Owl> Tee (Black, M)");
    expect(mail.text).toContain("Total: $62.49");
    expect(mail.text).toContain("https://merch.example/orders/0a1b?key=abc");
    expect(mail.html).toContain("Night &#60;Owl&#62; Tee");
    expect(orderStatusMail("shipped", facts)!.subject).toBe("Your Merchboard order has shipped");
    expect(orderStatusMail("pending_payment", facts)).toBeNull();
  });

  it("speak Korean to a buyer who checked out in Korean: won with the included VAT, and the tracking link", () => {
    const korean = { ...facts, locale: "ko" as const, total: 49000, currency: "KRW", items: [{ title: "밤 부엉이 티셔츠", quantity: 1, variant: "블랙, M" }] };
    const mail = orderStatusMail("shipped", { ...korean, note: "꼼꼼히 포장했어요.", tracking: { carrierName: "CJ대한통운", number: "678912345678", url: "https://trace.example/678912345678" } })!;
    expect(mail.subject).toBe("Merchboard 주문 상품이 발송되었어요");
    expect(mail.text.split("\n")).toEqual([
      "주문하신 상품이 발송되었어요.",
      "CJ대한통운 운송장 번호: 678912345678",
      "판매자 메모: 꼼꼼히 포장했어요.",
      "주문 번호 0A1B2C3D",
      "1 × 밤 부엉이 티셔츠 (블랙, M)",
      "합계: ₩49,000",
      "부가세(10%) ₩4,455 포함",
      "",
      "CJ대한통운에서 배송 조회하기: https://trace.example/678912345678",
      "주문 보기: https://merch.example/orders/0a1b?key=abc",
      "",
      "이 링크가 있으면 누구나 주문을 볼 수 있으니 다른 사람과 공유하지 마세요.",
    ]);
    // A dollar order read in Korean shows dollars the Korean way, and no VAT line.
    const dollars = orderStatusMail("paid", { ...facts, locale: "ko" })!;
    expect(dollars.text).toContain("합계: US$62.49");
    expect(dollars.text).not.toContain("부가세");
  });
});
