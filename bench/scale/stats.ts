import { cpuSeconds, postgresCpuSeconds } from "../lib/load";

export function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
}

export const median = (values: number[]) => quantile(values, 0.5);

/** CPU seconds of these processes and of every Postgres process, from now until `read()` is called. */
export function cpuMeter(pids: number[]): { read: () => { app: number; postgres: number } } {
  const app0 = pids.map(cpuSeconds);
  const pg0 = postgresCpuSeconds();
  return {
    read: () => ({
      app: pids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - app0[i]!, 0),
      postgres: Math.max(0, postgresCpuSeconds() - pg0),
    }),
  };
}
