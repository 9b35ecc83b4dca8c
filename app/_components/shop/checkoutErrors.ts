"use client";

import type { ShippingAddress } from "@/domain/shop/address";
import type { MessageKey } from "@/domain/i18n/messages/en";
import { fieldProblems } from "../../_lib/errors";

export type CheckoutField = "email" | keyof ShippingAddress;

/**
 * Which kind of problem the server found (zod's issue code), as a key the shopper reads in their
 * language (its message takes the destination `country`, for that country's own words where it
 * has them); a blank field is simply required.
 */
function messageKey(field: CheckoutField, code: string, blank: boolean): MessageKey {
  if (blank) return "shop.field.required";
  if (code === "too_big") return "shop.field.tooLong";
  if (field === "email") return "shop.field.email";
  if (field === "country") return "shop.field.country";
  if (field === "postalCode" || field === "region" || field === "phone") return `shop.field.${field}`;
  return "shop.field.required";
}

const ADDRESS_FIELDS = ["name", "line1", "line2", "city", "region", "postalCode", "country", "phone"] as const;

/** Per-field errors from the server's answer: the e-mail, and the address's fields under `shippingAddress.`. */
export function checkoutFieldErrors(error: unknown, values: Record<CheckoutField, string>): Partial<Record<CheckoutField, MessageKey>> {
  const fields = fieldProblems(error);
  const found: Partial<Record<CheckoutField, MessageKey>> = {};
  if (fields.email) found.email = messageKey("email", fields.email.code, !values.email.trim());
  for (const field of ADDRESS_FIELDS) {
    const problem = fields[`shippingAddress.${field}`];
    if (problem) found[field] = messageKey(field, problem.code, !values[field].trim());
  }
  return found;
}
