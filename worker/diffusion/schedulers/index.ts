import type { SchedulerName } from "@/domain/generationParams";
import { schedulerFromClass } from "@/server/services/model/modelFolder";
import type { SchedulerConfig } from "./config";
import { DdimScheduler } from "./ddim";
import { EulerAncestralScheduler } from "./eulerAncestral";
import { LcmScheduler } from "./lcm";
import type { Scheduler } from "./scheduler";

export type { SchedulerName };

/** The scheduler named by the request, or the one the model's config names. */
export function createScheduler(config: SchedulerConfig, steps: number, name?: SchedulerName): Scheduler {
  const chosen = name ?? schedulerFromClass(config._class_name);
  if (chosen === "euler_a") return new EulerAncestralScheduler(config, steps);
  if (chosen === "lcm") return new LcmScheduler(config, steps);
  return new DdimScheduler(config, steps);
}

export type { Scheduler, SchedulerConfig };
