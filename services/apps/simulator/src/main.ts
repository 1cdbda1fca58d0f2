import { parseArgs } from "node:util";
import { baseEnvSchema, createLogger, handleShutdown, parseEnv } from "@ballot/runtime";
import { z } from "zod";
import { generateCounty } from "./county.ts";
import { planElection } from "./election.ts";
import { createIngestClient } from "./ingest-client.ts";
import { loadCounty, playElection } from "./play.ts";

const envSchema = baseEnvSchema.extend({
  INGEST_URL: z.url(),
  SIM_FEED: z.string().default("usps"),
  SIM_FEED_TOKEN: z.string().min(16),
  SIM_COUNTY: z.string().default("06999"),
  SIM_COUNTY_TOKEN: z.string().min(16),
});

const { values } = parseArgs({
  options: {
    voters: { type: "string", default: "10000" },
    "days-per-minute": { type: "string", default: "10" },
    seed: { type: "string", default: "2026" },
  },
});
const env = parseEnv(envSchema);
const log = createLogger({ name: "simulator", level: env.LOG_LEVEL });
const shutdown = handleShutdown({ log });

const county = generateCounty({
  voters: Number(values.voters),
  seed: Number(values.seed),
  county: env.SIM_COUNTY,
  today: new Date().toISOString().slice(0, 10),
});
const startMs = Date.now() - 40 * 86_400_000;
const plan = planElection(county, { startMs });
const client = createIngestClient({
  ingestUrl: env.INGEST_URL,
  feed: env.SIM_FEED,
  feedToken: env.SIM_FEED_TOKEN,
  county: env.SIM_COUNTY,
  countyToken: env.SIM_COUNTY_TOKEN,
});
const loaded = await loadCounty(client, county, startMs);
log.info(loaded, "county loaded");
const play = playElection({
  client,
  county,
  plan,
  speed: (Number(values["days-per-minute"]) * 86_400_000) / 60_000,
  onProgress: (progress) => log.info(progress, "election progress"),
});
shutdown.add(async () => {
  await play.stop();
});
await play.done;
log.info("election played");
await shutdown.close("finished");
