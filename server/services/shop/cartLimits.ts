export const MIN_LINE_QUANTITY = 1;
export const MAX_LINE_QUANTITY = 100;
/** Different items one cart holds. */
export const MAX_CART_LINES = 50;
