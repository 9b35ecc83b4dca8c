/** The shop's strings for sellers and admins (publishing, the admin's orders and outbox), spread into `en`. */
export const shopAdminEn = {
  "shopAdmin.title": "Shop admin",
};

export type ShopAdminMessageKey = keyof typeof shopAdminEn;
