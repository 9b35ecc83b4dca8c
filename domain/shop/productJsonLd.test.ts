import { describe, expect, it } from "vitest";
import { productJsonLd } from "./productJsonLd";

describe("a product's structured data", () => {
  it("states the offer in the listing's currency, and cannot be broken out of by a title", () => {
    const text = productJsonLd(
      { title: "Owl </script><script>alert(1)</script>", description: "Soft cotton.", price: 32000, currency: "KRW", slug: "owl-abc", stockLeft: 0, seller: { name: "Mina" } },
      "https://merch.example/p/owl-abc",
      "https://merch.example/api/listing-renders/1",
    );
    expect(text).not.toContain("</script>");
    const data = JSON.parse(text);
    expect(data).toMatchObject({ "@type": "Product", name: "Owl </script><script>alert(1)</script>", brand: { name: "Mina" }, image: ["https://merch.example/api/listing-renders/1"] });
    expect(data.offers).toMatchObject({ price: "32000", priceCurrency: "KRW", availability: "https://schema.org/SoldOut" });
    expect(JSON.parse(productJsonLd({ title: "Tee", description: " ", price: 2800, currency: "USD", slug: "t", stockLeft: null, seller: null }, "u", null)).offers.price).toBe("28.00");
  });
});
