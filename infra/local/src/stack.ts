import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { connectRedis, RedisSubscriptionStore, type RunningServer } from "@ballot/adapters";
import { createRedisKeys } from "@ballot/contracts";
import { canonicalIdentity, defaultContactWindow, isWithinWindow, languageOrEnglish, wallClockAt } from "@ballot/core";
import {
  createIngestClient,
  generateCounty,
  loadCounty,
  planElection,
  playElection,
  type SimulatedCounty,
  type SimulatedVoter,
} from "@ballot/simulator";
import { dataDir, services } from "./paths.ts";
import { type ServiceProcess, startService } from "./processes.ts";
import { freePort, type LocalServer, startNatsServer, startRedisServer } from "./servers.ts";
import { ensureSiteBuilt, serveSite } from "./site.ts";

export interface StackOptions {
  readonly voters: number;
  readonly daysPerMinute: number;
  readonly seed: number;
  readonly apiPort: number;
  readonly ingestPort: number;
  readonly sitePort: number;
  /** Start no simulated election: just the services. */
  readonly simulate: boolean;
  readonly print: (line: string) => void;
}

export interface RunningStack {
  readonly siteUrl: string;
  readonly apiUrl: string;
  readonly ingestUrl: string;
  readonly samples: readonly SimulatedVoter[];
  /** A state-wide approver's token for the officials' dashboard (`/dashboard/`), new each run. */
  readonly staffToken: string;
  /** A second approver's token: a broadcast needs someone other than its drafter to approve it. */
  readonly secondStaffToken: string;
  /** The simulated county's code (FIPS-like), as county files and routes name it. */
  readonly county: string;
  /** The simulated county's upload token for ingest (`Authorization: Bearer` on /v1/counties/:county/...). */
  readonly countyToken: string;
  /** The USPS feed's token for ingest (`usps`, on /v1/feeds/usps/...). */
  readonly feedToken: string;
  /** Where the notifier writes the messages of this run (no provider credentials locally). */
  readonly outboxDir: string;
  /** Resolves when the simulated election has been played to its end. */
  readonly simulation: Promise<unknown>;
  stop(): Promise<void>;
}

const usDate = (iso: string) => `${iso.slice(5, 7)}-${iso.slice(8, 10)}-${iso.slice(0, 4)}`;

/**
 * The simulated county's notification settings, with the default contact window (08:00-21:00 county time): the
 * election runs on a compressed clock, but voters live on the real one, so at night the messages wait for the
 * morning (the outbox page says how many are held, and until when).
 */
export const localCountyTimeZone = countyTimeZoneOf(process.env.STACK_COUNTY_TIME_ZONE);

/**
 * The simulated county's time zone: Pacific, as every California county, unless `STACK_COUNTY_TIME_ZONE` names
 * another (to watch the daytime sending, or to test it, while it is night in California).
 */
function countyTimeZoneOf(configured: string | undefined): string {
  const zone = configured?.trim() || "America/Los_Angeles";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    throw new Error(`STACK_COUNTY_TIME_ZONE must be an IANA time zone such as Europe/Berlin, not "${zone}"`);
  }
  return zone;
}
const notifierCounty = (county: string, countyName: string, siteOrigin: string) => ({
  [county]: {
    name: countyName.slice(0, 40),
    smsName: (countyName.split(" County")[0] ?? countyName).slice(0, 14),
    phone: "(555) 555-0100",
    timeZone: localCountyTimeZone,
    trackUrl: `${siteOrigin}/`,
    cureFormUrl: `${siteOrigin}/faq/`,
    emailFrom: "ballots@county.example",
    smsFrom: "+15555550100",
    contactWindow: "08:00-21:00",
    autoEnroll: true,
    // The simulated county reports received, accepted and counted in bulk every simulated day, as real counties do
    // after election day: the stack's safety hold watches the news that alarms a voter most when wrong, so that a
    // run's everyday messages reach the outbox while a bad rejection upload is still held for review.
    safetyHold: { statuses: ["rejected", "cure_pending", "undeliverable"] },
  },
});

/**
 * Subscriptions for the sample voters, so their messages appear in the outbox: email and SMS (already confirmed,
 * as if they had replied YES) for each, and a call for the first. Synthetic addresses in reserved ranges.
 */
async function subscribeSamples(redisUrl: string, namespace: string, samples: readonly SimulatedVoter[]) {
  const redis = connectRedis(redisUrl, "stack-subscriptions");
  try {
    const store = new RedisSubscriptionStore(redis, createRedisKeys(namespace));
    for (const [index, voter] of samples.entries()) {
      const phone = `+1555555${String(150 + index).padStart(4, "0")}`;
      const base = { consent: "confirmed", source: "voter", updatedAtMs: Date.now() } as const;
      await store.save({
        voterId: voter.voterId,
        language: languageOrEnglish(voter.language),
        channels: [
          { ...base, channel: "email", address: `${voter.voterId.toLowerCase()}@voter.example` },
          { ...base, channel: "sms", address: phone },
          ...(index === 0 ? [{ ...base, channel: "voice" as const, address: phone }] : []),
        ],
      });
    }
  } finally {
    await redis.quit();
  }
}

/** Voters whose name, birth date and ZIP match nobody else, in as many languages as possible. */
function pickSamples(county: SimulatedCounty, today: string, count = 5): SimulatedVoter[] {
  const byIdentity = new Map<string, number>();
  const identityOf = (voter: SimulatedVoter) => {
    const identity = canonicalIdentity(voter, today);
    return identity.ok ? identity.value : voter.voterId;
  };
  for (const voter of county.voters) byIdentity.set(identityOf(voter), (byIdentity.get(identityOf(voter)) ?? 0) + 1);
  const unique = county.voters.filter((voter) => byIdentity.get(identityOf(voter)) === 1);
  const samples: SimulatedVoter[] = [];
  const languages = new Set<string>();
  for (const voter of unique) {
    if (samples.length >= count) break;
    if (languages.has(voter.language) && samples.length < count - 1) continue;
    languages.add(voter.language);
    samples.push(voter);
  }
  return samples;
}

/**
 * The whole system on one machine: NATS and Redis (unless NATS_URL / REDIS_URL are given), ingest, tracker, API
 * and notifier as separate processes, the built site, and a simulated election played through ingest's HTTP endpoints.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { print } = options;
  const closers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of closers.splice(0).reverse()) await close().catch(() => {});
  };
  try {
    const logDir = join(dataDir, "logs");
    mkdirSync(logDir, { recursive: true });
    const servers: LocalServer[] = [];
    let natsUrl = process.env.NATS_URL;
    if (!natsUrl) {
      const nats = await startNatsServer();
      servers.push(nats);
      natsUrl = nats.url;
    }
    let redisUrl = process.env.REDIS_URL;
    if (!redisUrl) {
      const redis = await startRedisServer();
      servers.push(redis);
      redisUrl = redis.url;
    }
    closers.push(async () => {
      await Promise.all(servers.map((server) => server.stop()));
    });
    print(
      `NATS ${natsUrl}${process.env.NATS_URL ? " (given)" : ""}, Redis ${redisUrl}${process.env.REDIS_URL ? " (given)" : ""}`,
    );

    const county = "06999";
    // The site's address goes into the API's CORS origin and the links in messages, so it is fixed before they start.
    const sitePort = options.sitePort || (await freePort());
    const siteOrigin = `http://127.0.0.1:${sitePort}`;
    const feedToken = randomBytes(24).toString("base64url");
    const countyToken = randomBytes(24).toString("base64url");
    const staffToken = `st_${randomBytes(32).toString("base64url")}`;
    const secondStaffToken = `st_${randomBytes(32).toString("base64url")}`;
    const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
    const env: Record<string, string> = {
      NATS_URL: natsUrl,
      REDIS_URL: redisUrl,
      NAMESPACE: process.env.NAMESPACE ?? "",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
      IDENTITY_HASH_KEY: process.env.IDENTITY_HASH_KEY ?? randomBytes(32).toString("base64url"),
      FEED_TOKENS: `usps=${feedToken}`,
      COUNTY_TOKENS: `${county}=${countyToken}`,
      INGEST_PORT: String(options.ingestPort),
      API_PORT: String(options.apiPort),
      SITE_ORIGIN: siteOrigin,
      // Links in messages (confirm, unsubscribe) are signed with this key and redeemed by the API behind the site.
      NOTIFIER_LINK_SECRET: randomBytes(32).toString("base64url"),
      API_STAFF_TOKENS:
        process.env.API_STAFF_TOKENS ??
        `local.staff:state:approver:${hashOf(staffToken)},local.second:state:approver:${hashOf(secondStaffToken)}`,
    };
    const outboxDir = join(dataDir, "outbox", new Date().toISOString().replace(/[:.]/g, "-"));
    const today = new Date().toISOString().slice(0, 10);
    const simulated = generateCounty({ voters: options.voters, seed: options.seed, county, today });
    const samples = pickSamples(simulated, today);
    // The API previews broadcasts with the same county settings the notifier sends with.
    env.NOTIFIER_COUNTIES = JSON.stringify(notifierCounty(county, simulated.countyName, siteOrigin));
    const notifierEnv: Record<string, string> = {
      // A broadcast's first stage pauses briefly here, so that a run shows the stages without a minute's wait.
      NOTIFIER_BROADCAST_PAUSE_MS: "5000",
      NOTIFIER_LINK_BASE_URL: siteOrigin,
      NOTIFIER_PORT: "0",
      NOTIFIER_OUTBOX_DIR: outboxDir,
      NOTIFIER_EMAIL_PER_SECOND: "0",
      NOTIFIER_SMS_PER_SECOND: "0",
      NOTIFIER_VOICE_PER_SECOND: "0",
    };
    const start = async (name: keyof typeof services): Promise<ServiceProcess> => {
      const log = createWriteStream(join(logDir, `${name}.log`), { flags: "a" });
      const service = await startService({
        name,
        ...services[name],
        env: name === "notifier" ? { ...env, ...notifierEnv } : env,
        onLine: (line) => log.write(`${line}\n`),
      });
      closers.push(async () => {
        await service.stop();
        log.end();
      });
      void service.exited.then((code) => {
        if (code !== 0 && code !== null) print(`${name} stopped with exit code ${code}; see .data/logs/${name}.log`);
      });
      return service;
    };
    const [ingest, api, , notifier] = await Promise.all([
      start("ingest"),
      start("api"),
      start("tracker"),
      start("notifier"),
    ]);
    if (!ingest?.url || !api?.url) throw new Error("ingest or api did not say where it listens");
    print(`services up: ingest ${ingest.url}, api ${api.url}, notifier ${notifier?.url} (logs in .data/logs/)`);
    await subscribeSamples(redisUrl, env.NAMESPACE ?? "", samples);
    print(`messages to the sample voters go to the outbox: ${outboxDir} (listed at /outbox/ on the site)`);
    const countyClock = wallClockAt(Date.now(), localCountyTimeZone);
    if (!isWithinWindow(countyClock.minute, defaultContactWindow)) {
      print(
        `it is night in the county (${localCountyTimeZone}): messages are held until 08:00 there, as voters' would be`,
      );
    }

    print("building the site (skipped when up to date)...");
    await ensureSiteBuilt();
    const heldRedis = connectRedis(redisUrl, "stack-outbox-page");
    closers.push(async () => {
      heldRedis.disconnect();
    });
    const heldKey = createRedisKeys(env.NAMESPACE ?? "").heldQueue();
    const site: RunningServer = await serveSite({
      apiUrl: api.url,
      port: sitePort,
      outbox: { dir: outboxDir, heldMessages: () => heldRedis.zcard(heldKey) },
    });
    closers.push(() => site.close());

    let simulation: Promise<unknown> = Promise.resolve();
    if (options.simulate) {
      const startMs = Date.now() - 40 * 86_400_000;
      const client = createIngestClient({ ingestUrl: ingest.url, feed: "usps", feedToken, county, countyToken });
      print(`loading ${options.voters.toLocaleString("en-US")} voters and their ballots...`);
      const loaded = await loadCounty(client, simulated, startMs);
      print(`county ${simulated.countyName}: ${loaded.voters} voters and ${loaded.ballots} ballots accepted`);
      const plan = planElection(simulated, { startMs });
      const play = playElection({
        client,
        county: simulated,
        plan,
        speed: (options.daysPerMinute * 86_400_000) / 60_000,
        onProgress: (progress) =>
          print(
            `simulated day ${progress.day}/${progress.days}: ${progress.scansSent.toLocaleString("en-US")} USPS scans, ` +
              `${progress.statusesSent.toLocaleString("en-US")} county updates sent, ` +
              `${progress.eventsLeft.toLocaleString("en-US")} to go`,
          ),
      });
      closers.push(async () => {
        await play.stop();
      });
      simulation = play.done;
    }
    return {
      siteUrl: site.url,
      apiUrl: api.url,
      ingestUrl: ingest.url,
      samples,
      staffToken,
      secondStaffToken,
      county,
      countyToken,
      feedToken,
      outboxDir,
      simulation,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export { usDate };
