import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Product } from "@/domain/catalog/catalog";
import { csvCell } from "@/domain/shop/csv";
import { sessionCookie } from "@/test/collabClients";
import { publishedTee, shopAdminClient } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { handleOrderExportRequest } from "./orderExportHandler";

let t: TestDb;
let products: Product[];

beforeAll(async () => {
  t = await createTestDb();
  await freshBucket("order-export");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(() => t.close());

const get = (query: string, cookie?: string) => handleOrderExportRequest(t.db, new Request(`${TEST_APP_URL}/api/shop/orders.csv${query}`, { headers: cookie ? { cookie } : {} }));

/** Quoted cells split as a CSV reader would (enough for these rows: no line breaks inside cells). */
const parse = (csv: string) =>
  csv
    .replace(/^\ufeff/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, "").replace(/""/g, '"')));

describe("the orders export", () => {
  it("gives shop admins one row per line with the address as shipped, Hangul intact and formulas defused", async () => {
    const tee = await publishedTee(t.db, products, { title: "=HYPERLINK(\"http://evil.example\")" });
    const shopper = createTestClient(t.db);
    await shopper.client.cart.add.mutate({ listingId: tee.id, variantId: "tee-black-m", quantity: 2 });
    const korea = { name: "김민지", line1: "테헤란로 152", line2: "12층, 1201호", city: "강남구", region: "서울특별시", postalCode: "06236", country: "KR", phone: "01012345678" };
    const { orderId } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "minji@example.com", shippingAddress: korea });

    const admin = await shopAdminClient(t.db, "Exporter");
    const res = await get("?status=pending_payment", await sessionCookie(t.db, admin.user.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    // The byte-order mark that makes spreadsheets read UTF-8 (a text() call would drop it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    const [header, ...rows] = parse(text);
    const row = rows.find((r) => r[header!.indexOf("order")] === orderId.slice(0, 8).toUpperCase())!;
    const cell = (name: string) => row[header!.indexOf(name)];
    expect([cell("name"), cell("phone"), cell("address_line2"), cell("region"), cell("postal_code"), cell("country")]).toEqual(["김민지", "010-1234-5678", "12층, 1201호", "서울특별시", "06236", "KR"]);
    expect([cell("quantity"), cell("refunded_quantity"), cell("unit_price"), cell("line_discount"), cell("currency"), cell("color"), cell("size")]).toEqual(["2", "0", "28.00", "0.00", "USD", "Black", "M"]);
    expect([cell("discount_code"), cell("tax"), cell("refunded")]).toEqual(["", "0.00", "0.00"]);
    expect(cell("item")).toBe("'=HYPERLINK(\"http://evil.example\")");
  }, 60_000);

  it("is refused to everyone else, and refuses a filter it does not know", async () => {
    expect((await get("")).status).toBe(401);
    const shopper = await signedUpClient(t.db, "NotAdmin");
    expect((await get("", await sessionCookie(t.db, shopper.user.id))).status).toBe(403);
    const admin = await shopAdminClient(t.db, "Admin2");
    const cookie = await sessionCookie(t.db, admin.user.id);
    const bad = await get("?status=lost&from=yesterday&limit=5", cookie);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/status: .*from: must be a date as YYYY-MM-DD.*Unrecognized key/s);
    expect((await get("?from=2026-13-45", cookie)).status).toBe(400);
    // A period with no orders is a file with its header only.
    const empty = parse(await (await get("?from=2000-01-01&to=2000-01-02", cookie)).text());
    expect(empty).toHaveLength(1);
  });

  it("writes cells a spreadsheet reads as text", () => {
    expect(["plain", "a,b", 'say "hi"', "+82 10", "-1", "@me", "x\ny", null, 42].map(csvCell)).toEqual(["plain", '"a,b"', '"say ""hi"""', "'+82 10", "'-1", "'@me", '"x\ny"', "", "42"]);
  });
});
