import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/appRouter";

type Outputs = inferRouterOutputs<AppRouter>;

export type Listing = Outputs["listing"]["get"];
export type Cart = Outputs["cart"]["get"];
export type CartLine = Cart["lines"][number];
export type Order = Outputs["order"]["get"];
export type OrderSummary = Outputs["order"]["list"][number];
export type OrderStatus = Order["status"];
export type TestPayment = Outputs["payment"]["testPage"];
