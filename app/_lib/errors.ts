"use client";

import { TRPCClientError } from "@trpc/client";
import type { MessageKey } from "@/domain/i18n/messages/en";
import type { Translate } from "../_i18n/I18nProvider";

/** A message for the person: the translated reason when we know it, else the server's text. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof TRPCClientError) {
    const reason = errorReason(error);
    const key = `errors.${reason}` as MessageKey;
    if (reason && t.has(key)) return t(key);
    if (!error.data) return t("errors.network");
    return error.message;
  }
  return t("common.error");
}

/** The server's reason for refusing (`discount.usedUp`), when it gave one. */
export function errorReason(error: unknown): string | null {
  return error instanceof TRPCClientError ? ((error.data as { reason?: string | null } | undefined)?.reason ?? null) : null;
}

/** Each field's first message from the server (in the request's language). */
export function fieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldProblems(error)).map(([k, p]) => [k, p.message]));
}

type FieldData = { fieldErrors?: Record<string, string[] | undefined> | null; fieldCodes?: Record<string, string[] | undefined> | null };

/** Each field's first problem: the server's message and zod's code for its kind ("too_big"), which reads the same in every language. */
export function fieldProblems(error: unknown): Record<string, { message: string; code: string }> {
  if (!(error instanceof TRPCClientError)) return {};
  const data = (error.data ?? {}) as FieldData;
  return Object.fromEntries(Object.entries(data.fieldErrors ?? {}).map(([k, v]) => [k, { message: v?.[0] ?? "", code: data.fieldCodes?.[k]?.[0] ?? "" }]));
}
