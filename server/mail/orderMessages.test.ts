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
});
