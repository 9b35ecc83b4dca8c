"use client";

import { TRPCClientError } from "@trpc/client";
import type { MessageKey } from "@/domain/i18n/messages/en";
import type { Translate } from "../_i18n/I18nProvider";

/** A message for the person: the translated reason when we know it, else the server's text. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof TRPCClientError) {
    const reason = (error.data as { reason?: string | null } | undefined)?.reason;
    const key = `errors.${reason}` as MessageKey;
    if (reason && t.has(key)) return t(key);
    if (!error.data) return t("errors.network");
    return error.message;
  }
  return t("common.error");
}

export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const fe = (error.data as { fieldErrors?: Record<string, string[] | undefined> | null } | undefined)?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fe).map(([k, v]) => [k, v?.[0] ?? ""]));
}
