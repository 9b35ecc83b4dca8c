import { describe, expect, it } from "vitest";
import { catalog, nestMessages } from "./catalog";

describe("the message catalog", () => {
  it("nests flat dictionaries at their dots, as next-intl reads namespaces", () => {
    expect(nestMessages({ "shop.cart.title": "Your cart", "shop.cart.count": "{count} items", "app.name": "Merchboard" })).toEqual({
      shop: { cart: { title: "Your cart", count: "{count} items" } },
      app: { name: "Merchboard" },
    });
  });

  it("refuses a key that is a message and a namespace at once, whichever comes first", () => {
    expect(() => nestMessages({ "role.owner": "Owner", "role.owner.help": "Can do everything" })).toThrow(/"role.owner" is also the namespace of "role.owner.help"/);
    expect(() => nestMessages({ "role.owner.help": "Can do everything", "role.owner": "Owner" })).toThrow(/"role.owner" is also the namespace/);
  });

  it("holds both languages in one shape", () => {
    const shape = (m: unknown): unknown => (typeof m === "string" ? "" : Object.fromEntries(Object.entries(m as object).map(([k, v]) => [k, shape(v)])));
    expect(shape(catalog.ko)).toEqual(shape(catalog.en));
    expect(catalog.ko.shop.cart.title).toBe("장바구니");
  });
});
