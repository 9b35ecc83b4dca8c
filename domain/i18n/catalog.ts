import type { Locale } from "./locales";
import { en, type MessageKey } from "./messages/en";
import { ko } from "./messages/ko";

export type { MessageKey };

/** A catalog as next-intl reads it: namespaces nest, and each leaf is an ICU message. */
export type Messages = { [key: string]: string | Messages };

/** The nested shape of a flat dictionary, so next-intl checks keys against it. */
export type Nested<T extends Record<string, string>> = {
  [H in Head<keyof T & string>]: H extends keyof T ? T[H] : Nested<{ [K in keyof T & string as K extends `${H}.${infer Rest}` ? Rest : never]: T[K] }>;
};
type Head<K extends string> = K extends `${infer H}.${string}` ? H : K;

/**
 * Dictionaries stay flat ("shop.cart.title": "Your cart"): a part file is easy to add and its diff
 * easy to read. next-intl reads "." as its namespace separator and refuses it inside a key, so the
 * catalog nests each dictionary once, when it loads. A key that is a message and also the
 * namespace of other keys ("role.owner" beside "role.owner.help") cannot nest, and is refused here.
 */
export function nestMessages<T extends Record<string, string>>(flat: T): Nested<T> {
  const root: Messages = {};
  for (const [key, message] of Object.entries(flat)) {
    const parts = key.split(".");
    const leaf = parts.pop()!;
    let node = root;
    for (const [i, part] of parts.entries()) {
      const next = (node[part] ??= {});
      if (typeof next === "string") throw new Error(`Message "${parts.slice(0, i + 1).join(".")}" is also the namespace of "${key}": rename one of them`);
      node = next;
    }
    if (leaf in node) throw new Error(`Message "${key}" is also the namespace of other messages: rename one of them`);
    node[leaf] = message;
  }
  return root as Nested<T>;
}

/** The catalog's shape: next-intl checks keys, and the arguments each message takes, against it. */
export type CatalogMessages = Nested<typeof en>;

/**
 * Every word of the product in each language, as next-intl reads it (the pages', the browser's and
 * mail's). Korean has every English key with the same arguments (a test keeps it so).
 */
export const catalog: Record<Locale, CatalogMessages> = { en: nestMessages(en), ko: nestMessages(ko) as CatalogMessages };
