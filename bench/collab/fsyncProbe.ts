import fs from "node:fs";
import path from "node:path";

/**
 * The disk under the run, measured in the same run: 8 KiB (about one commit's WAL) written and
 * fdatasync'd every 25 ms in the folder it is given, until told to stop; reports the latencies. A
 * durable server cannot answer faster than this; Hocuspocus and the relay never wait for it.
 */
process.once("message", (dir: string) => {
  const file = path.join(dir, `fsync-probe-${process.pid}`);
  const fd = fs.openSync(file, "w");
  const block = Buffer.alloc(8192, 7);
  const times: number[] = [];
  let stopped = false;
  process.once("message", () => (stopped = true));
  const tick = () => {
    if (stopped) {
      fs.closeSync(fd);
      fs.rmSync(file, { force: true });
      times.sort((a, b) => a - b);
      const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
      process.send!({ p50: q(0.5), p99: q(0.99), max: times.at(-1) ?? NaN }, () => process.exit(0));
      return;
    }
    const t0 = performance.now();
    fs.writeSync(fd, block, 0, block.length, (times.length % 128) * block.length);
    fs.fdatasyncSync(fd);
    times.push(performance.now() - t0);
    setTimeout(tick, 25);
  };
  tick();
});
process.send!("ready");
