import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/appRouter";

export type SystemStatus = inferRouterOutputs<AppRouter>["ops"]["status"];
export type QueueStatus = SystemStatus["queues"][number];
export type WorkerStatus = SystemStatus["workers"][number];
export type Failure = SystemStatus["failures"][number];
