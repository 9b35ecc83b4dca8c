import { cpuTimes, postgresCpuSeconds } from "../lib/load";

export function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
}

export const median = (values: number[]) => quantile(values, 0.5);

export type CpuUse = { app: number; appUser: number; appSystem: number; postgres: number };

/**
 * CPU seconds of these processes (in all, in user mode: our code, and in the kernel: their system
 * calls) and of every Postgres process, from now until `read()` is called.
 */
export function cpuMeter(pids: number[]): { read: () => CpuUse } {
  const app0 = pids.map(cpuTimes);
  const pg0 = postgresCpuSeconds();
  return {
    read: () => {
      const now = pids.map(cpuTimes);
      const appUser = now.reduce((sum, t, i) => sum + t.user - app0[i]!.user, 0);
      const appSystem = now.reduce((sum, t, i) => sum + t.system - app0[i]!.system, 0);
      return { app: appUser + appSystem, appUser, appSystem, postgres: Math.max(0, postgresCpuSeconds() - pg0) };
    },
  };
}
