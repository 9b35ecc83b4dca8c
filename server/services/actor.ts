/**
 * Who calls a service: the signed-in person, as the procedure found them. Services take it second,
 * `(db, actor, input)`; the shop's services that serve signed-out buyers too take `Actor | null`.
 * A check the procedure has made travels with the actor, so that a service cannot be reached
 * without it: `CanvasAccess` adds the canvas and the role on it, `ListingAccess` the listing it
 * may manage, `ShopAdmin` the shop admin's grant.
 */
export type Actor = { userId: string };

/** An actor whose shop-admin grant (with a verified e-mail) the procedure has checked. */
export type ShopAdmin = Actor & { shopAdmin: true };

export function isShopAdminActor(actor: Actor): actor is ShopAdmin {
  return "shopAdmin" in actor && actor.shopAdmin === true;
}
