/** The shop's strings for shoppers (product page, cart, checkout, payment, orders), spread into `en`. */
export const shopEn = {
  "shop.title": "Shop",
};

export type ShopMessageKey = keyof typeof shopEn;
