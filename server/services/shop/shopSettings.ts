import type { DbOrTx } from "@/db/client";
import { shopSettings } from "@/db/schema";
import { env } from "../../env";
import type { ShopAdmin } from "../actor";
import { defaultZoneCountries } from "@/domain/shop/shipping";

/** Whether the shop has Stripe Tax add sales tax to dollar orders paid through Stripe. */
export async function stripeTaxOn(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ stripeTax: shopSettings.stripeTax }).from(shopSettings);
  return row?.stripeTax ?? false;
}

export async function setStripeTax(db: DbOrTx, admin: ShopAdmin, on: boolean): Promise<void> {
  await db
    .insert(shopSettings)
    .values({ id: 1, zoneCountries: defaultZoneCountries(env().SHOP_COUNTRY), stripeTax: on, updatedBy: admin.userId })
    .onConflictDoUpdate({ target: shopSettings.id, set: { stripeTax: on, updatedBy: admin.userId, updatedAt: new Date() } });
}
