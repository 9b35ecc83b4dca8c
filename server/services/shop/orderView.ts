import { z } from "zod";
import { storedShippingAddress } from "@/domain/shop/address";
import { ORDER_STATUSES } from "@/domain/shop/orderStatus";
import { renderStatusSchema } from "@/domain/render/renderStatus";

export const orderStatus = z.enum(ORDER_STATUSES);

export const orderLineView = z.object({
  id: z.string(),
  listingId: z.string(),
  slug: z.string(),
  title: z.string(),
  variantId: z.string(),
  color: z.string().nullable(),
  size: z.string().nullable(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  /** This line's share of the order's discount. */
  discount: z.number().int(),
  refundedQuantity: z.number().int(),
  imageUrl: z.string().nullable(),
  /** Print files of this line once paid; their URLs only for shop admins. */
  printFiles: z.array(
    z.object({
      id: z.string(),
      printAreaId: z.string(),
      status: renderStatusSchema,
      url: z.string().nullable(),
      widthPx: z.number().int(),
      heightPx: z.number().int(),
      dpi: z.number().int().nullable(),
      /** Screen-print separations, one per ink (shop admins only). */
      separations: z.array(z.object({ id: z.string(), ink: z.string(), url: z.string() })),
    }),
  ),
});
export type OrderLineView = z.infer<typeof orderLineView>;

/** One order as its buyer, the holder of its link, or a shop admin sees it. */
export const orderView = z.object({
  id: z.string(),
  status: orderStatus,
  email: z.string(),
  shippingAddress: storedShippingAddress,
  subtotal: z.number().int(),
  discount: z.number().int(),
  discountCode: z.string().nullable(),
  shipping: z.number().int(),
  /** Sales tax Stripe Tax added at payment (part of `total`). */
  tax: z.number().int(),
  total: z.number().int(),
  currency: z.string(),
  /** Given back so far (succeeded or in flight), and each refund. */
  refunded: z.number().int(),
  refundedShipping: z.number().int(),
  refunds: z.array(z.object({ id: z.string(), amount: z.number().int(), shipping: z.number().int(), status: z.enum(["pending", "succeeded", "failed"]), reason: z.string(), at: z.date(), lines: z.array(z.object({ lineId: z.string(), quantity: z.number().int(), amount: z.number().int() })) })),
  provider: z.string(),
  /** Where to pay while the order waits for payment. */
  paymentUrl: z.string().nullable(),
  payBy: z.date(),
  createdAt: z.date(),
  /** The language the buyer checked out in (the order's mail is in it). */
  locale: z.string(),
  /** The parcel, once the shop shipped it with a carrier and number. */
  tracking: z.object({ carrier: z.string(), carrierName: z.string(), number: z.string(), url: z.string() }).nullable(),
  lines: z.array(orderLineView),
  timeline: z.array(z.object({ status: orderStatus, from: orderStatus.nullable(), at: z.date(), actor: z.string(), note: z.string().nullable() })),
});
export type OrderView = z.infer<typeof orderView>;

/** A row of an order list; `imageUrl`: the first item's picture. */
export const orderSummary = z.object({
  id: z.string(),
  status: orderStatus,
  total: z.number().int(),
  currency: z.string(),
  email: z.string(),
  itemCount: z.number().int(),
  title: z.string(),
  imageUrl: z.string().nullable(),
  createdAt: z.date(),
});
export type OrderSummary = z.infer<typeof orderSummary>;
