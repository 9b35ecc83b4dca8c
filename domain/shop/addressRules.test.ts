import { describe, expect, it } from "vitest";
import { addressLines, shippingAddress } from "./address";

const kr = { name: "김민지", line1: "테헤란로 152", line2: "12층 1201호", city: "강남구", region: "서울특별시", postalCode: "06236", country: "KR", phone: "01012345678" };
const us = { name: "Ada Lovelace", line1: "500 Market St", city: "San Francisco", region: "ca", postalCode: "94105", country: "US", phone: "+1 415 555 0132" };
const issues = (input: unknown) => {
  const r = shippingAddress.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("addresses per country", () => {
  it("take a Korean road-name address, and write it back from the province down with the phone dashed", () => {
    const a = shippingAddress.parse(kr);
    expect(a.phone).toBe("010-1234-5678");
    expect(addressLines(a)).toEqual(["김민지", "서울특별시 강남구 테헤란로 152", "12층 1201호", "(06236)"]);
    expect(shippingAddress.parse({ ...kr, phone: "+82 2-123-4567" }).phone).toBe("02-123-4567");
  });

  it("refuse a Korean address without a phone, with a 6-digit code or an unknown province, naming each field", () => {
    expect(issues({ ...kr, phone: undefined })).toEqual(["phone: must not be empty"]);
    expect(issues({ ...kr, postalCode: "135080", region: "Seoul", phone: "12345" })).toEqual([
      "postalCode: must be a 5-digit postal code",
      "region: must be a Korean province or metropolitan city",
      "phone: must be a Korean phone number, such as 010-1234-5678",
    ]);
  });

  it("take a US address with its state and ZIP, written as the US writes them", () => {
    const a = shippingAddress.parse(us);
    expect([a.region, a.phone]).toEqual(["CA", "(415) 555-0132"]);
    expect(addressLines(a)).toEqual(["Ada Lovelace", "500 Market St", "San Francisco, CA 94105"]);
    expect(shippingAddress.parse({ ...us, postalCode: "94105-1234" }).postalCode).toBe("94105-1234");
  });

  it("refuse a US address without a state, with a bad ZIP or a number that cannot be dialled", () => {
    expect(issues({ ...us, region: undefined, postalCode: "9410", phone: "555-0132" })).toEqual([
      "postalCode: must be a ZIP code, such as 94103 or 94103-1234",
      "region: must not be empty",
      "phone: must be a US phone number, such as (415) 555-0132",
    ]);
    expect(issues({ ...us, region: "XX" })).toEqual(["region: must be a US state"]);
  });

  it("leave region and phone optional elsewhere, checking a phone when given", () => {
    const de = { name: "Erika Muster", line1: "Hauptstr. 5", city: "Berlin", postalCode: "10115", country: "DE" };
    expect(addressLines(shippingAddress.parse(de))).toEqual(["Erika Muster", "Hauptstr. 5", "10115 Berlin"]);
    expect(issues({ ...de, phone: "call me" })).toEqual(["phone: must be a phone number"]);
    expect(shippingAddress.parse({ ...de, phone: "+49 30 1234567" }).phone).toBe("+49 30 1234567");
  });
});
