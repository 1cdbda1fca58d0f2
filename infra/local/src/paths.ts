import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file, so commands work from any directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Each of our services and the log line that says it is ready. One place, used by the stack and the tests. */
export const services = {
  ingest: { entry: join(repoRoot, "services/apps/ingest/src/main.ts"), readyMessage: "ingest listening" },
  tracker: { entry: join(repoRoot, "services/apps/tracker/src/main.ts"), readyMessage: "tracker consuming" },
  api: { entry: join(repoRoot, "services/apps/api/src/main.ts"), readyMessage: "api listening" },
  notifier: { entry: join(repoRoot, "services/apps/notifier/src/main.ts"), readyMessage: "notifier listening" },
} as const;

export const siteDir = join(repoRoot, "site");
export const siteDistDir = join(siteDir, "dist");
/** Local run data (logs, the outbox): ignored by git. */
export const dataDir = join(repoRoot, ".data");
