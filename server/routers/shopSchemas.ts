import { z } from "zod";
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from "../services/shop/cartLimits";

// The shop's inputs. Its outputs are the services' views (listingView, cartView, orderView):
// each is one zod schema there, and the service's return type is inferred from it.

export const quantity = z.number().int("must be a whole number").min(MIN_LINE_QUANTITY, `must be at least ${MIN_LINE_QUANTITY}`).max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);
export const variantId = z.string().min(1).max(64);
