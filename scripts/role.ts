/**
 * What one `npm start` process runs. `all` (the default): embedded Postgres and S3 unless
 * configured, the web server and a worker, on one machine. `web` and `worker`: one role each, from
 * the same build, against a Postgres and an S3 store that other processes share, so both must be
 * configured (an embedded one per process would split the data), and so must SHOP_SECRET (order
 * links signed by one process must open on every other; unset, each data folder makes its own).
 */
export const ROLES = ["all", "web", "worker"] as const;
export type Role = (typeof ROLES)[number];

/** `--role web` (or `--role=web`) on the command line, else ROLE, else all. */
export function chosenRole(argv: readonly string[], env: Record<string, string | undefined>): Role {
  const flag = argv.findIndex((a) => a === "--role" || a.startsWith("--role="));
  const raw = (flag < 0 ? env.ROLE : argv[flag]!.includes("=") ? argv[flag]!.split("=")[1] : argv[flag + 1])?.trim() || "all";
  if (!(ROLES as readonly string[]).includes(raw)) throw new Error(`Unknown role ${raw}: choose from ${ROLES.join(", ")}`);
  const role = raw as Role;
  if (role !== "all") {
    const missing = ["DATABASE_URL", "S3_ENDPOINT", "SHOP_SECRET"].filter((k) => !env[k]);
    if (missing.length) throw new Error(`The ${role} role shares Postgres, S3 and the shop's secret with other processes: set ${missing.join(", ")}`);
  }
  return role;
}
