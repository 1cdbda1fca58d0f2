// pnpm bench:lookup [--voters N] [--duration S] [--connections C] [--workers W] [--json]
//
// Loads N voters (1,000,000 by default) with a ballot each into a redis-server of its own, starts the API as its own
// process (as in production, rate limiting on with its default limits; API_WORKERS=W, one per core by default), and
// drives POST /v1/lookup with autocannon: random known and unknown voters from 65,536 client addresses
// (X-Forwarded-For behind one trusted proxy hop). Then it drives a bare Hono endpoint doing one HGET, with as many
// processes through the same cluster code, with the same requests: the ceiling of this machine for "HTTP + one Redis
// read", printed beside the lookup figures with their ratio.
//
// --load-only [--redis-url URL] [--samples-out FILE]: load the voters into a given Redis and write request bodies
// for load-tests/k6/lookup.js, on machines with k6.
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { connectRedis, createIdentityHasher, newBallotValue, type Redis, RedisBallotStore } from "@ballot/adapters";
import { defaultLookupRateLimits } from "@ballot/api/rate-limits";
import { ballotKeyOf, createRedisKeys, type RedisKeys } from "@ballot/contracts";
import {
  applyEvidence,
  type BallotEvidence,
  type BallotState,
  canonicalIdentity,
  emptyBallotState,
} from "@ballot/core";
import { type LocalServer, type ServiceProcess, startRedisServer, startService } from "@ballot/local-stack";
import { services } from "@ballot/local-stack/paths";
import { createLogger } from "@ballot/runtime";
import autocannon from "autocannon";
import { Hono } from "hono";
import { benchArgs, pipelineWindow, serveBareCeiling, serveBareWorkers, statusCountsOf } from "./bench-support.ts";

const identityHashKey = "bench-identity-hash-key-0123456789abcdef";
const tokenKey = "bench-token-key-0123456789abcdef-0123456789";
const namespace = "bench";
const mailerId = "314159";
const clientAddresses = 65_536;
const targets = { lookupsPerSecond: 8_000, p99Ms: 15 } as const;
/** Set in the environment of the child process that serves the bare endpoint (this same file). */
const bareServerVariable = "BENCH_LOOKUP_SERVE_BARE";

// ---------------------------------------------------------------------------------------------------------------
// Voters: deterministic from their index, so that the load, the requests and the bare server agree without sharing.

const firstNames = (
  "Ana|Ben|Carlos|Dana|Elena|Farid|Grace|Hiroshi|Isabel|James|Kavya|Luis|Mai|Nadia|Omar|Priya|Quinn|" +
  "Rosa|Sokha|Thanh|Uma|Victor|Wei|Ximena|Yuki|Zoë|José|Nguyễn|Siobhán|Renée|Aarav|Bao|Chloe|Diego|" +
  "Emily|Fatima|Gabriel|Hana|Ivan|Jasmine|Kenji|Lucía|Mateo|Noah|Olivia|Pedro|Rahul|Sofia|Tomás|" +
  "Valentina|William|Yasmin|Andrés|Camila|Daniel|Eun-ji|Felipe|Hyun|Kiri|Marisol"
).split("|");
const lastNames = (
  "Lee|Garcia|Nguyen|Smith|Kim|Patel|Lopez|Chen|Martinez|Wong|Hernandez|Tran|Johnson|Santos|Singh|" +
  "Reyes|Park|Rodriguez|Le|Williams|Cruz|Pham|Brown|Flores|Gupta|Ramos|Choi|Sanchez|Huang|Davis|Torres|" +
  "Vo|Miller|Rivera|Sok|Wilson|O'Brien|Núñez|Gómez|Nguyễn-Smith|Yamamoto|Tanaka|Dela Cruz|Bautista|" +
  "Kaur|Khan|Ali|Moreno|Jimenez|Ortiz|Castillo|Vargas|Romero|Alvarez|Mendoza|Ruiz|Aguilar|Chavez|" +
  "Medina|Herrera|Morales|Dominguez|Wu|Lin|Zhang|Liu|Wang|Yang|Zhao|Xu"
).split("|");

/** mulberry32: a small, fast PRNG; one per voter index, so any voter can be rebuilt alone. */
function randomOf(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface BenchVoter {
  readonly voterId: string;
  readonly firstName: string;
  readonly lastName: string;
  /** YYYY-MM-DD */
  readonly dateOfBirth: string;
  readonly zip: string;
}

const dayMs = 86_400_000;
const earliestBirthMs = Date.UTC(1925, 0, 1);
const birthSpanDays = 80 * 365;

/** Voter `index`; indexes past the loaded count give people who are not on the roll. */
function voterAt(index: number): BenchVoter {
  const random = randomOf(index * 2_654_435_761 + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  return {
    voterId: `V${index}`,
    firstName: pick(firstNames),
    lastName: pick(lastNames),
    dateOfBirth: new Date(earliestBirthMs + Math.floor(random() * birthSpanDays) * dayMs).toISOString().slice(0, 10),
    zip: String(90_001 + Math.floor(random() * 6_100)),
  };
}

const usDate = (iso: string) => `${iso.slice(5, 7)}-${iso.slice(8, 10)}-${iso.slice(0, 4)}`;
const ballotKeyAt = (index: number) => ballotKeyOf(mailerId, String(index).padStart(9, "0"));

const at = (iso: string) => Date.parse(iso);
/** The ballot lives of a county a week into the election: most in the mail, some back, a few rejected. */
const ballotStories: readonly (readonly BallotEvidence[])[] = [
  [],
  [{ kind: "county", status: "mailed", occurredAtMs: at("2026-10-06T09:00:00Z") }],
  [
    { kind: "county", status: "mailed", occurredAtMs: at("2026-10-06T09:00:00Z") },
    {
      kind: "usps",
      leg: "outbound",
      milestone: "in_transit",
      occurredAtMs: at("2026-10-07T02:40:00Z"),
      expectedDeliveryDate: "2026-10-09",
    },
  ],
  [
    { kind: "usps", leg: "outbound", milestone: "in_transit", occurredAtMs: at("2026-10-07T02:40:00Z") },
    { kind: "usps", leg: "outbound", milestone: "delivered", occurredAtMs: at("2026-10-09T15:10:00Z") },
  ],
  [
    { kind: "usps", leg: "outbound", milestone: "delivered", occurredAtMs: at("2026-10-09T15:10:00Z") },
    { kind: "usps", leg: "return", milestone: "in_transit", occurredAtMs: at("2026-10-12T19:00:00Z") },
    { kind: "county", status: "received", occurredAtMs: at("2026-10-14T10:00:00Z") },
  ],
  [
    { kind: "county", status: "received", occurredAtMs: at("2026-10-14T10:00:00Z") },
    {
      kind: "county",
      status: "rejected",
      occurredAtMs: at("2026-10-15T10:00:00Z"),
      reasonCode: "signature_mismatch",
      cureDeadline: "2026-12-01",
      cureUrl: "https://county.example.gov/cure",
    },
  ],
  [
    { kind: "county", status: "received", occurredAtMs: at("2026-10-14T10:00:00Z") },
    { kind: "county", status: "accepted", occurredAtMs: at("2026-10-16T10:00:00Z") },
  ],
];

function ballotOf(index: number, voter: BenchVoter): BallotState {
  const issued: BallotEvidence = {
    kind: "issued",
    ballotId: `B${index}`,
    voterId: voter.voterId,
    county: "06999",
    electionId: "2026-11-03-general",
    zip: voter.zip,
    occurredAtMs: at("2026-10-05T09:00:00Z"),
  };
  return [issued, ...(ballotStories[index % ballotStories.length] ?? [])].reduce(applyEvidence, emptyBallotState);
}

// ---------------------------------------------------------------------------------------------------------------
// Loading, pipelined: the tracker's keys and encoding (county-voter.ts, county-ballot.ts, RedisBallotStore).

async function loadVoters(redis: Redis, keys: RedisKeys, count: number, progress: (line: string) => void) {
  const today = new Date().toISOString().slice(0, 10);
  const hashIdentity = createIdentityHasher(identityHashKey);
  const store = new RedisBallotStore(redis, keys);
  const batchSize = 2_000;
  const window = pipelineWindow();
  const startedAt = performance.now();
  let nextReportAt = 100_000;
  for (let start = 0; start < count; start += batchSize) {
    const pipeline = redis.pipeline();
    for (let index = start; index < Math.min(count, start + batchSize); index += 1) {
      const voter = voterAt(index);
      const canonical = canonicalIdentity(voter, today);
      if (!canonical.ok) throw new Error(`bench voter ${index} is invalid: ${canonical.error.message}`);
      const identityHash = hashIdentity(canonical.value);
      const ballotKey = ballotKeyAt(index);
      pipeline.sadd(keys.identity(identityHash), voter.voterId);
      pipeline.hset(keys.voter(voter.voterId), {
        county: "06999",
        zip: voter.zip,
        language: "en",
        identity: identityHash,
        updated: "2026-10-01T00:00:00Z",
      });
      store.index.record(pipeline, { ballotKey, ballotId: `B${index}`, voterId: voter.voterId, aliases: [] });
      pipeline.hset(...keys.ballot(ballotKey), newBallotValue(ballotOf(index, voter)));
    }
    await window.send(pipeline);
    if (start + batchSize >= nextReportAt || start + batchSize >= count) {
      const loaded = Math.min(count, start + batchSize);
      const seconds = (performance.now() - startedAt) / 1000;
      progress(
        `  loaded ${loaded.toLocaleString("en-US")} voters (${Math.round(loaded / seconds).toLocaleString("en-US")}/s)`,
      );
      nextReportAt += 100_000;
    }
  }
  await window.drain();
  return (performance.now() - startedAt) / 1000;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests: half known voters (as typed: US dates, any case), half people who are not on the roll.

interface RequestPool {
  readonly bodies: readonly string[];
  readonly knownShare: number;
}

function buildRequestPool(voterCount: number, size: number): RequestPool {
  const random = randomOf(20_261_103);
  const bodies: string[] = [];
  for (let index = 0; index < size; index += 1) {
    const isKnown = index % 2 === 0;
    const voter = voterAt(isKnown ? Math.floor(random() * voterCount) : 1_000_000_000 + index);
    bodies.push(
      JSON.stringify({
        firstName: isKnown && index % 4 === 0 ? voter.firstName.toUpperCase() : voter.firstName,
        lastName: voter.lastName,
        dateOfBirth: isKnown && index % 3 === 0 ? voter.dateOfBirth : usDate(voter.dateOfBirth),
        zip: voter.zip,
      }),
    );
  }
  return { bodies, knownShare: 0.5 };
}

const addressOf = (index: number) => `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;

// ---------------------------------------------------------------------------------------------------------------
// Measuring.

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly byStatus: Record<string, number>;
  readonly errors: number;
  readonly timeouts: number;
  readonly latencyByStatus: Record<string, { count: number; p50Ms: number; p99Ms: number }>;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: Float64Array, share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

async function drive(url: string, pool: RequestPool, durationS: number, connections: number): Promise<Figures> {
  const latencies = new Map<number, number[]>();
  // Each connection gets its own slice of the pool, built into request buffers once: a setupRequest per request would
  // cost autocannon as much CPU as the server it measures, on the same two cores.
  const perConnection = Math.ceil(pool.bodies.length / connections);
  let connectionIndex = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: durationS,
        pipelining: 1,
        timeout: 10,
        requests: [{ method: "POST", path: "/v1/lookup" }],
        setupClient: (client) => {
          const first = (connectionIndex++ % connections) * perConnection;
          const requests: autocannon.Request[] = [];
          for (let offset = 0; offset < perConnection; offset += 1) {
            const index = first + offset;
            requests.push({
              method: "POST",
              path: "/v1/lookup",
              headers: { "content-type": "application/json", "x-forwarded-for": addressOf(index % clientAddresses) },
              body: pool.bodies[index % pool.bodies.length] as string,
            });
          }
          client.setRequests(requests);
        },
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
      let list = latencies.get(statusCode);
      if (!list) {
        list = [];
        latencies.set(statusCode, list);
      }
      list.push(responseTimeMs);
    });
  });
  const all = Float64Array.from([...latencies.values()].flat()).sort();
  const latencyByStatus: Figures["latencyByStatus"] = {};
  for (const [status, list] of latencies) {
    const sorted = Float64Array.from(list).sort();
    latencyByStatus[status] = {
      count: sorted.length,
      p50Ms: round(percentile(sorted, 0.5)),
      p99Ms: round(percentile(sorted, 0.99)),
    };
  }
  const byStatus = statusCountsOf(result);
  return {
    requestsPerSecond: Math.round(all.length / result.duration),
    p50Ms: round(percentile(all, 0.5)),
    p99Ms: round(percentile(all, 0.99)),
    requests: all.length,
    byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyByStatus,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The bare endpoint: Hono and one Redis read (HGET) of a random loaded ballot, nothing else. Run as its own process.

async function serveBare(redisUrl: string, voterCount: number): Promise<void> {
  const log = createLogger({ name: "bare", level: "warn" });
  if (serveBareWorkers(apiWorkers, log)) return;
  const keys = createRedisKeys(namespace);
  const redis = connectRedis(redisUrl, "bare");
  let next = 0;
  const app = new Hono();
  app.post("/v1/lookup", async (c) => {
    await c.req.json();
    next += 1;
    const ballot = await redis.hget(...keys.ballot(ballotKeyAt(((next * 2_654_435_761) >>> 0) % voterCount)));
    return c.json({ ballot });
  });
  await serveBareCeiling(app, redis, log);
}

// ---------------------------------------------------------------------------------------------------------------

const args = benchArgs(import.meta.url, {
  voters: { type: "string", default: "1000000" },
  duration: { type: "string", default: "20" },
  warmup: { type: "string" },
  connections: { type: "string", default: "32" },
  workers: { type: "string" },
  json: { type: "boolean", default: false },
  "load-only": { type: "boolean", default: false },
  "redis-url": { type: "string" },
  "samples-out": { type: "string" },
});

const voterCount = Number(args.voters);
const durationS = Number(args.duration);
const warmupS = args.warmup === undefined ? Math.min(3, durationS) : Number(args.warmup);
const connections = Number(args.connections);
/** API processes (API_WORKERS), one per core by default; the bare server gets as many. */
const apiWorkers = Number(process.env.BENCH_API_WORKERS ?? args.workers ?? availableParallelism());
for (const [name, value] of Object.entries({
  voters: voterCount,
  duration: durationS,
  connections,
  workers: apiWorkers,
})) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}

if (process.env[bareServerVariable] === "1") {
  await serveBare(process.env.REDIS_URL as string, Number(process.env.BENCH_VOTERS));
} else {
  await main();
}

async function main() {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const item of started.reverse()) await item.stop().catch(() => {});
  };
  process.once("SIGINT", () => {
    void stopAll().then(() => process.exit(130));
  });
  try {
    let redisUrl = args["redis-url"];
    if (!redisUrl) {
      const server: LocalServer = await startRedisServer();
      started.push(server);
      redisUrl = server.url;
      say(`redis-server ${server.url} (pid ${server.pid})`);
    }
    const keys = createRedisKeys(namespace);
    const redis = connectRedis(redisUrl, "bench-loader");
    started.push({ stop: async () => redis.disconnect() });
    const memoryBefore = usedMemory(await redis.info("memory"));
    say(`loading ${voterCount.toLocaleString("en-US")} voters, one ballot each`);
    const loadSeconds = await loadVoters(redis, keys, voterCount, say);
    const bytesPerVoter = Math.round((usedMemory(await redis.info("memory")) - memoryBefore) / voterCount);
    say(`loaded in ${loadSeconds.toFixed(1)} s; Redis holds about ${bytesPerVoter} bytes per voter (4 keys)`);
    const pool = buildRequestPool(voterCount, 64_000);

    if (args["load-only"]) {
      const out = args["samples-out"] ?? "lookup-samples.json";
      writeFileSync(out, JSON.stringify(pool.bodies.slice(0, 20_000).map((body) => JSON.parse(body))));
      say(`wrote ${out}; run the API with IDENTITY_HASH_KEY=${identityHashKey} NAMESPACE=${namespace}`);
      return;
    }

    const limits = defaultLookupRateLimits;
    const rateLimiting = {
      on: true,
      perAddress: `${limits.perAddress.limit} per ${limits.perAddress.windowMs / 1000} s`,
      perIdentityMiss: `${limits.perIdentityMiss.limit} per ${limits.perIdentityMiss.windowMs / 1000} s`,
      clientAddresses,
      how: "the API's default limits; client addresses from X-Forwarded-For with API_TRUSTED_PROXY_HOPS=1",
    };

    const api: ServiceProcess = await startService({
      name: "api",
      ...services.api,
      env: {
        REDIS_URL: redisUrl,
        NAMESPACE: namespace,
        LOG_LEVEL: "warn",
        API_PORT: "0",
        IDENTITY_HASH_KEY: identityHashKey,
        API_TOKEN_KEY: tokenKey,
        API_TRUSTED_PROXY_HOPS: "1",
        API_WORKERS: String(apiWorkers),
      },
    });
    started.push(api);
    say(
      `api ${api.url} (pid ${api.pid}, ${apiWorkers} worker${apiWorkers === 1 ? "" : "s"}); warming up ${warmupS} s, then ${durationS} s with ${connections} connections`,
    );
    if (warmupS > 0) await drive(api.url as string, pool, warmupS, connections);
    // The warm-up's misses counted against their names; a fresh window keeps the measured run's answers clean.
    await clearRateLimits(redis);
    const lookup = await drive(api.url as string, pool, durationS, connections);
    await api.stop();

    const bare: ServiceProcess = await startService({
      name: "bare",
      entry: fileURLToPath(import.meta.url),
      env: {
        [bareServerVariable]: "1",
        REDIS_URL: redisUrl,
        BENCH_VOTERS: String(voterCount),
        BENCH_API_WORKERS: String(apiWorkers),
      },
      readyMessage: "bare listening",
    });
    started.push(bare);
    say(`bare Hono + one HGET ${bare.url} (pid ${bare.pid}); same warm-up and run`);
    if (warmupS > 0) await drive(bare.url as string, pool, warmupS, connections);
    const ceiling = await drive(bare.url as string, pool, durationS, connections);
    await bare.stop();

    const expected = new Set(["200", "404"]);
    const unexpected = Object.entries(lookup.byStatus)
      .filter(([status]) => !expected.has(status))
      .reduce((sum, [, count]) => sum + count, 0);
    const report = {
      tool: "autocannon",
      scenario: "POST /v1/lookup, half known voters, half unknown, random client addresses",
      voters: voterCount,
      loadSeconds: round(loadSeconds, 1),
      redisBytesPerVoter: bytesPerVoter,
      durationSeconds: durationS,
      connections,
      apiWorkers,
      rateLimiting,
      lookup: {
        ...lookup,
        unexpected,
        found: lookup.latencyByStatus["200"] ?? null,
        notFound: lookup.latencyByStatus["404"] ?? null,
      },
      bare: { ...ceiling, unexpected: ceiling.requests - (ceiling.byStatus["200"] ?? 0) },
      ratio: round(lookup.requestsPerSecond / Math.max(1, ceiling.requestsPerSecond), 3),
      target: {
        ...targets,
        met: lookup.requestsPerSecond >= targets.lookupsPerSecond && lookup.p99Ms <= targets.p99Ms,
      },
    };
    if (args.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      printReport(report);
    }
  } finally {
    await stopAll();
  }
}

function usedMemory(info: string): number {
  return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? "0");
}

async function clearRateLimits(redis: Redis): Promise<void> {
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${namespace}:rate-limit:*`, "COUNT", 10_000);
    if (found.length > 0) await redis.unlink(...found);
    cursor = next;
  } while (cursor !== "0");
}

function printReport(report: {
  voters: number;
  rateLimiting: { perAddress: string; perIdentityMiss: string; how: string };
  durationSeconds: number;
  connections: number;
  apiWorkers: number;
  lookup: Figures & { unexpected: number; found: unknown; notFound: unknown };
  bare: Figures & { unexpected: number };
  ratio: number;
  target: { lookupsPerSecond: number; p99Ms: number; met: boolean };
}) {
  const { lookup, bare } = report;
  const line = (label: string, figures: Figures & { unexpected: number }) =>
    `${label.padEnd(26)} ${String(figures.requestsPerSecond).padStart(7)}/s   p50 ${figures.p50Ms
      .toFixed(2)
      .padStart(6)} ms   p99 ${figures.p99Ms.toFixed(2).padStart(6)} ms   errors ${figures.errors}, timeouts ${
      figures.timeouts
    }, unexpected statuses ${figures.unexpected}`;
  const statuses = (byStatus: Record<string, number>) =>
    Object.entries(byStatus)
      .map(([status, count]) => `${status}: ${count}`)
      .join(", ");
  console.log(`
lookup benchmark (autocannon, ${report.connections} connections, ${report.durationSeconds} s each, ${report.voters.toLocaleString("en-US")} voters, API_WORKERS=${report.apiWorkers} for the API and the bare server alike)
rate limiting ON: ${report.rateLimiting.perAddress} per address, ${report.rateLimiting.perIdentityMiss} misses per name+ZIP (${report.rateLimiting.how})

${line("POST /v1/lookup", lookup)}
${line("bare Hono + one HGET", bare)}
ratio lookup / bare: ${report.ratio}

lookup statuses: ${statuses(lookup.byStatus)}
  found (200):     p50 ${lookup.latencyByStatus["200"]?.p50Ms ?? "-"} ms, p99 ${lookup.latencyByStatus["200"]?.p99Ms ?? "-"} ms
  not found (404): p50 ${lookup.latencyByStatus["404"]?.p50Ms ?? "-"} ms, p99 ${lookup.latencyByStatus["404"]?.p99Ms ?? "-"} ms
target: >= ${report.target.lookupsPerSecond} lookups/s with p99 <= ${report.target.p99Ms} ms: ${report.target.met ? "met" : "NOT met"}
`);
}
