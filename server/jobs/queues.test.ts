import { describe, expect, it } from "vitest";
import { jobSchemas } from "@/server/jobs/definitions";
import { chosenQueues, queueConcurrency, QUEUES } from "./queues";

describe("worker queues", () => {
  it("put every task on exactly one queue, generation alone on its own", () => {
    const all = Object.values(QUEUES).flat();
    expect([...all].sort()).toEqual(Object.keys(jobSchemas).sort());
    expect(new Set(all).size).toBe(all.length);
    expect(QUEUES.gpu).toEqual(["generate"]);
  });

  it("are chosen by --queues, else WORKER_QUEUES, else both; an unknown name is refused", () => {
    expect(chosenQueues([], undefined)).toEqual(["gpu", "cpu"]);
    expect(chosenQueues(["--queues", "cpu"], "gpu")).toEqual(["cpu"]);
    expect(chosenQueues(["--queues=gpu,cpu"], undefined)).toEqual(["gpu", "cpu"]);
    expect(chosenQueues([], "gpu")).toEqual(["gpu"]);
    expect(() => chosenQueues(["--queues", "gpus"], undefined)).toThrow(/Unknown worker queue gpus/);
    expect(() => chosenQueues(["--queues", ","], undefined)).toThrow(/Unknown worker queue/);
  });

  it("run as many jobs at once as GPU_CONCURRENCY and CPU_CONCURRENCY say, within reason", () => {
    expect(queueConcurrency("cpu", {})).toBe(2);
    expect(queueConcurrency("gpu", {})).toBe(1);
    expect(queueConcurrency("cpu", { CPU_CONCURRENCY: "4" })).toBe(4);
    expect(() => queueConcurrency("cpu", { CPU_CONCURRENCY: "0" })).toThrow(/CPU_CONCURRENCY/);
    expect(() => queueConcurrency("gpu", { GPU_CONCURRENCY: "two" })).toThrow(/GPU_CONCURRENCY/);
  });
});
