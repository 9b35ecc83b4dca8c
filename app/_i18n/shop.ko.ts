import type { ShopMessageKey } from "./shop.en";

export const shopKo: Record<ShopMessageKey, string> = {
  "shop.title": "상점",
};
