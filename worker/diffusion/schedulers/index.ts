import { DdimScheduler } from "./ddim";
import { EulerAncestralScheduler } from "./eulerAncestral";
import { LcmScheduler } from "./lcm";
import type { SchedulerConfig } from "./config";
import type { Scheduler } from "./scheduler";

export const SCHEDULERS = ["ddim", "euler_a", "lcm"] as const;
export type SchedulerName = (typeof SCHEDULERS)[number];

/** The scheduler named by the request, or the one the model's config names. */
export function createScheduler(config: SchedulerConfig, steps: number, name?: SchedulerName): Scheduler {
  const chosen = name ?? (config._class_name.startsWith("LCM") ? "lcm" : config._class_name.startsWith("EulerAncestral") ? "euler_a" : "ddim");
  if (chosen === "euler_a") return new EulerAncestralScheduler(config, steps);
  if (chosen === "lcm") return new LcmScheduler(config, steps);
  return new DdimScheduler(config, steps);
}

export type { Scheduler, SchedulerConfig };
