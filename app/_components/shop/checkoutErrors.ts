"use client";

import { TRPCClientError } from "@trpc/client";
import type { MessageKey } from "../../_i18n/en";
import { fieldErrors } from "../../_lib/errors";

export type CheckoutField = "email" | "name" | "line1" | "line2" | "city" | "postalCode" | "country";

/** Which kind of problem a server message names, as a key the shopper reads in their language; a blank field is simply required. */
function messageKey(field: CheckoutField, message: string, blank: boolean): MessageKey {
  if (blank) return "shop.field.required";
  if (/at most/.test(message)) return "shop.field.tooLong";
  if (field === "email") return "shop.field.email";
  if (field === "postalCode") return "shop.field.postalCode";
  if (field === "country") return "shop.field.country";
  return "shop.field.required";
}

/**
 * Per-field errors from the server's answer. Top-level fields come in `fieldErrors`; the address's
 * own fields only in the message, as "shippingAddress.city: must not be empty; …".
 */
export function checkoutFieldErrors(error: unknown, values: Record<CheckoutField, string>): Partial<Record<CheckoutField, MessageKey>> {
  if (!(error instanceof TRPCClientError)) return {};
  const found: Partial<Record<CheckoutField, MessageKey>> = {};
  const top = fieldErrors(error);
  if (top.email) found.email = messageKey("email", top.email, !values.email.trim());
  for (const part of String(error.message).split("; ")) {
    const m = /^shippingAddress\.(name|line1|line2|city|postalCode|country): (.*)$/.exec(part);
    const field = m?.[1] as CheckoutField | undefined;
    if (field) found[field] ??= messageKey(field, m![2]!, !values[field].trim());
  }
  return found;
}
