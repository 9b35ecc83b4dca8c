import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SeededNormal } from "../random";
import { schedulerConfigSchema } from "@/server/services/model/modelFolder";
import { alphasCumprod, spacedTimesteps } from "./config";
import { DdimScheduler } from "./ddim";
import { EulerAncestralScheduler } from "./eulerAncestral";
import { LcmScheduler } from "./lcm";

type Case = {
  config: Record<string, unknown>;
  steps: number;
  timesteps: number[];
  ddim_first_step: number[];
  ddim_last_step: number[];
  euler_sigmas: number[];
  lcm_timesteps: number[];
};
const ref = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "fixtures", "schedulers.json"), "utf8")) as {
  x: number[];
  model_output: number[];
  alphas_cumprod_samples: Record<string, number>;
  cases: Case[];
};

const close = (a: ArrayLike<number>, b: number[], digits = 5) => {
  expect(a.length).toBe(b.length);
  b.forEach((v, i) => expect(a[i]).toBeCloseTo(v, digits));
};

describe("schedulers against reference values computed in Python", () => {
  it("builds the training noise schedule", () => {
    const ac = alphasCumprod(schedulerConfigSchema.parse(ref.cases[0]!.config));
    for (const [i, v] of Object.entries(ref.alphas_cumprod_samples)) expect(ac[Number(i)]).toBeCloseTo(v, 10);
  });

  for (const c of ref.cases) {
    const config = schedulerConfigSchema.parse(c.config);
    it(`${config.timestep_spacing} spacing, ${c.steps} steps`, () => {
      expect(spacedTimesteps(config, c.steps)).toEqual(c.timesteps);
      const ddim = new DdimScheduler(config, c.steps);
      const x = Float32Array.from(ref.x);
      const out = Float32Array.from(ref.model_output);
      close(ddim.step(out, 0, x), c.ddim_first_step);
      close(ddim.step(out, c.steps - 1, x), c.ddim_last_step);
      close(new EulerAncestralScheduler(config, c.steps).sigmas, c.euler_sigmas, 4);
      expect(new LcmScheduler(config, c.steps).timesteps).toEqual(c.lcm_timesteps);
    });
  }

  it("euler ancestral adds seeded noise: same seed, same result", () => {
    const config = schedulerConfigSchema.parse(ref.cases[0]!.config);
    const s = new EulerAncestralScheduler(config, 4);
    const x = Float32Array.from(ref.x);
    const out = Float32Array.from(ref.model_output);
    expect(s.step(out, 0, x, new SeededNormal(7))).toEqual(s.step(out, 0, x, new SeededNormal(7)));
    expect(s.step(out, 0, x, new SeededNormal(7))).not.toEqual(s.step(out, 0, x, new SeededNormal(8)));
  });
});
