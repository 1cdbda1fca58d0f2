// `npm start`: the whole system on this machine with a simulated election. Run through the bootstrap
// (infra/bootstrap/bootstrap.mjs), which installs what is missing first.
import { parseArgs } from "node:util";
import { startStack, usDate } from "./stack.ts";

const help = `npm start [-- options]

Starts NATS and Redis (or uses NATS_URL / REDIS_URL), the ingest, tracker, API and notifier services, builds and
serves the site, and plays a simulated county election through the ingest endpoints. The sample voters are
subscribed: their emails, texts and calls are written to .data/outbox/<run>/ (08:00-21:00 county time). Ctrl-C stops everything.

Options:
  --voters N            voters in the simulated county (default 10000)
  --days-per-minute N   simulated days per real minute (default 10)
  --seed N              seed of the simulated county (default 2026)
  --api-port N          API port (default 8080; 0 picks a free one)
  --ingest-port N       ingest port (default 8081; 0 picks a free one)
  --site-port N         site port (default 4321; 0 picks a free one)
  --no-simulation       start the services and the site only
  -h, --help            this text

Environment: NATS_URL, REDIS_URL (use these servers), NAMESPACE (prefix for streams and keys), LOG_LEVEL,
IDENTITY_HASH_KEY (else a random one per run), STACK_COUNTY_TIME_ZONE (the simulated county's time zone for quiet
hours, else America/Los_Angeles: e.g. Europe/Berlin to watch messages go out while it is night in California).`;

const { values } = parseArgs({
  options: {
    voters: { type: "string", default: "10000" },
    "days-per-minute": { type: "string", default: "10" },
    seed: { type: "string", default: "2026" },
    "api-port": { type: "string", default: "8080" },
    "ingest-port": { type: "string", default: "8081" },
    "site-port": { type: "string", default: "4321" },
    "no-simulation": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(help);
  process.exit(0);
}

const number = (name: keyof typeof values, min: number, max: number): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}; see npm start -- --help`);
    process.exit(2);
  }
  return value;
};

const print = (line: string) => console.log(`[stack] ${line}`);
const startedAt = Date.now();
const stack = await startStack({
  voters: number("voters", 1, 2_000_000),
  daysPerMinute: number("days-per-minute", 1, 10_000),
  seed: number("seed", 0, 2 ** 31),
  apiPort: number("api-port", 0, 65_535),
  ingestPort: number("ingest-port", 0, 65_535),
  sitePort: number("site-port", 0, 65_535),
  simulate: !values["no-simulation"],
  print,
}).catch((error: unknown) => {
  console.error(`[stack] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

let stopping = false;
const stopAll = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  print(`${signal}: stopping everything...`);
  await stack.stop();
  print("stopped; nothing left running");
  process.exit(0);
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stopAll(signal));

print(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
print(`site: ${stack.siteUrl}/`);
print(`API:  ${stack.apiUrl}/v1/lookup  (also through the site at ${stack.siteUrl}/v1/lookup)`);
print("sample voters to look up (synthetic people):");
for (const voter of stack.samples) {
  print(
    `  ${voter.firstName} ${voter.lastName}, born ${usDate(voter.dateOfBirth)}, ZIP ${voter.zip}, ` +
      `voter ID ${voter.voterId}, language ${voter.language}`,
  );
}
print(`officials' dashboard: ${stack.siteUrl}/dashboard/ (staff token for this run: ${stack.staffToken})`);
print(`a second approver's token, to approve a broadcast someone else drafted: ${stack.secondStaffToken}`);
print(`their messages (email, SMS, voice): ${stack.siteUrl}/outbox/ (files in ${stack.outboxDir})`);
print(
  `the county's own files (CSV): INGEST_URL=${stack.ingestUrl} INGEST_COUNTY_TOKEN=${stack.countyToken} ` +
    `pnpm county import statuses --county ${stack.county} FILE  (voters and ballots the same way)`,
);
print(
  `USPS feed files: INGEST_URL=${stack.ingestUrl} INGEST_FEED_TOKEN=${stack.feedToken} ` +
    "pnpm ingest:import --feed usps FILE",
);
print(`samples as JSON: ${JSON.stringify(stack.samples)}`);
print("Ctrl-C stops everything.");
// Ctrl-C reaches every process of the group at once: ingest may stop while the simulation still sends to it, and
// that failure is part of stopping, not an error of the run.
await stack.simulation.catch((error: unknown) => {
  if (!stopping) throw error;
});
if (!stopping) print("the simulated election is over; the stack stays up until Ctrl-C");
