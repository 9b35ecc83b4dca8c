import { z } from "zod";
import { ORDER_STATUSES } from "@/domain/shop/orderStatus";
import { shippingAddress } from "@/domain/shop/address";
import { PRODUCT_KINDS } from "@/domain/catalog/catalog";
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from "../services/shop/cartLimits";

export const quantity = z.number().int("must be a whole number").min(MIN_LINE_QUANTITY, `must be at least ${MIN_LINE_QUANTITY}`).max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);
export const variantId = z.string().min(1).max(64);
export const orderStatus = z.enum(ORDER_STATUSES);
const renderStatus = z.enum(["queued", "running", "succeeded", "failed"]);

export const listingOut = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  price: z.number().int(),
  currency: z.string(),
  version: z.number().int(),
  product: z.object({ id: z.string(), name: z.string(), kind: z.enum(PRODUCT_KINDS), printAreas: z.array(z.object({ id: z.string(), name: z.string() })) }),
  variants: z.array(z.object({ id: z.string(), color: z.string(), colorHex: z.string(), size: z.string() })),
  mockups: z.array(z.object({ id: z.string(), variantId: z.string(), printAreaId: z.string(), status: renderStatus, url: z.string().nullable() })),
  stockLeft: z.number().int().nullable(),
  stockTotal: z.number().int().nullable(),
});

export const canvasListingOut = listingOut.extend({ published: z.boolean(), printFiles: z.array(z.object({ printAreaId: z.string(), status: renderStatus })) });

export const cartOut = z.object({
  lines: z.array(
    z.object({
      id: z.string(),
      listingId: z.string(),
      variantId: z.string(),
      quantity: z.number().int(),
      unitPrice: z.number().int().nullable(),
      available: z.boolean(),
      title: z.string(),
      slug: z.string(),
      productId: z.string().nullable(),
      productName: z.string(),
      color: z.string().nullable(),
      colorHex: z.string().nullable(),
      size: z.string().nullable(),
      imageUrl: z.string().nullable(),
      stockLeft: z.number().int().nullable(),
    }),
  ),
  subtotal: z.number().int(),
  currency: z.string(),
  itemCount: z.number().int(),
});

export const orderOut = z.object({
  id: z.string(),
  status: orderStatus,
  email: z.string(),
  shippingAddress,
  subtotal: z.number().int(),
  shipping: z.number().int(),
  total: z.number().int(),
  currency: z.string(),
  provider: z.string(),
  paymentUrl: z.string().nullable(),
  payBy: z.date(),
  createdAt: z.date(),
  lines: z.array(
    z.object({
      id: z.string(),
      listingId: z.string(),
      slug: z.string(),
      title: z.string(),
      variantId: z.string(),
      color: z.string().nullable(),
      size: z.string().nullable(),
      quantity: z.number().int(),
      unitPrice: z.number().int(),
      imageUrl: z.string().nullable(),
      printFiles: z.array(z.object({ id: z.string(), printAreaId: z.string(), status: renderStatus, url: z.string().nullable(), widthPx: z.number().int(), heightPx: z.number().int(), dpi: z.number().int().nullable() })),
    }),
  ),
  timeline: z.array(z.object({ status: orderStatus, from: orderStatus.nullable(), at: z.date(), actor: z.string(), note: z.string().nullable() })),
});

export const orderSummaryOut = z.object({ id: z.string(), status: orderStatus, total: z.number().int(), currency: z.string(), email: z.string(), itemCount: z.number().int(), title: z.string(), imageUrl: z.string().nullable(), createdAt: z.date() });
