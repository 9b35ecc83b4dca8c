/**
 * Garment measurements, laid flat, in centimetres: chest width (armpit to armpit) and body length
 * (high point of the shoulder to the hem), per size, from the blanks' published specs (a classic
 * 180 g/m² cotton tee and a pullover hoodie). Sizes a listing does not sell are left out when shown.
 */
export type SizeRow = { size: string; chestCm: number; lengthCm: number };

export const SIZE_CHARTS: Record<string, SizeRow[]> = {
  tee: [
    { size: "S", chestCm: 46, lengthCm: 71 },
    { size: "M", chestCm: 51, lengthCm: 74 },
    { size: "L", chestCm: 56, lengthCm: 76 },
    { size: "XL", chestCm: 61, lengthCm: 79 },
    { size: "2XL", chestCm: 66, lengthCm: 81 },
    { size: "3XL", chestCm: 71, lengthCm: 84 },
  ],
  hoodie: [
    { size: "S", chestCm: 51, lengthCm: 69 },
    { size: "M", chestCm: 56, lengthCm: 71 },
    { size: "L", chestCm: 61, lengthCm: 74 },
    { size: "XL", chestCm: 66, lengthCm: 76 },
    { size: "2XL", chestCm: 71, lengthCm: 79 },
    { size: "3XL", chestCm: 76, lengthCm: 81 },
  ],
};

/** The chart of a product's sizes on sale, or null for goods without one (a mug, a poster). */
export function sizeChartFor(productId: string, sizesOnSale: string[]): SizeRow[] | null {
  const rows = SIZE_CHARTS[productId]?.filter((r) => sizesOnSale.includes(r.size));
  return rows?.length ? rows : null;
}

/** Centimetres in inches to the nearest half, as US size charts write them. */
export const inches = (cm: number) => Math.round((cm / 2.54) * 2) / 2;
