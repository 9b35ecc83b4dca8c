import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { shippingRates, shopSettings } from "@/db/schema";
import { defaultShippingTable, isShopCurrency, SHIPPING_ZONES, SHOP_CURRENCIES, type ShippingTable, type ShippingZone } from "@/domain/shop/shipping";
import { env } from "../../env";
import type { ShopAdmin } from "../actor";

const isZone = (z: string): z is ShippingZone => (SHIPPING_ZONES as readonly string[]).includes(z);

/** The table checkout charges by: the admin's rows over the built-in defaults. */
export async function readShippingTable(db: DbOrTx): Promise<ShippingTable & { originCountry: string }> {
  const originCountry = env().SHOP_COUNTRY;
  const table = defaultShippingTable(originCountry);
  const rates = structuredClone(table.rates);
  for (const row of await db.select().from(shippingRates)) {
    if (isShopCurrency(row.currency) && isZone(row.zone)) rates[row.currency][row.zone] = { first: row.first, each: row.each, freeFrom: row.freeFrom };
  }
  const [settings] = await db.select({ zoneCountries: shopSettings.zoneCountries }).from(shopSettings);
  return { originCountry, zoneCountries: settings?.zoneCountries ?? table.zoneCountries, rates };
}

/** Replaces the whole table at once; the shop's own country is never part of its zone. */
export async function saveShippingTable(db: Db, admin: ShopAdmin, input: ShippingTable): Promise<void> {
  const zoneCountries = input.zoneCountries.filter((c) => c !== env().SHOP_COUNTRY);
  const rows = SHOP_CURRENCIES.flatMap((currency) => SHIPPING_ZONES.map((zone) => ({ currency, zone, ...input.rates[currency][zone], updatedBy: admin.userId })));
  await db.transaction(async (tx) => {
    await tx
      .insert(shippingRates)
      .values(rows)
      .onConflictDoUpdate({ target: [shippingRates.currency, shippingRates.zone], set: { first: sql`excluded.first`, each: sql`excluded.each`, freeFrom: sql`excluded.free_from`, updatedBy: admin.userId, updatedAt: new Date() } });
    await tx
      .insert(shopSettings)
      .values({ id: 1, zoneCountries, updatedBy: admin.userId })
      .onConflictDoUpdate({ target: shopSettings.id, set: { zoneCountries, updatedBy: admin.userId, updatedAt: new Date() } });
  });
}
