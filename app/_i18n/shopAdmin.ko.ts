import type { ShopAdminMessageKey } from "./shopAdmin.en";

export const shopAdminKo: Record<ShopAdminMessageKey, string> = {
  "shopAdmin.title": "상점 관리",
};
