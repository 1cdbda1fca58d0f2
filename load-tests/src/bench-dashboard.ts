// pnpm bench:dashboard [--ballots N] [--zips Z] [--duration S] [--connections C] [--json]
//
// Loads the dashboard counters of one county of N ballots (1,000,000 by default) into a redis-server of its own: each
// ballot's state is generated, its contribution computed by the tracker's own projection code (`projectionOf`, the
// function RedisBallotStore.write hands to its script), and the sums written as the script leaves them (the county's
// counts hash, the in-the-mail, cure and undeliverable sorted sets), rather than a million ballots pushed through the
// pipeline. Then the API runs as its own process (as in production) and C concurrent viewers (200 by default) ask
// for GET /v1/dashboard/counties/:county/summary with a county staff token, through autocannon. Then a bare Hono
// endpoint doing one HGETALL of the same counts hash, in a process of the same kind, with the same load: the
// ceiling of this machine for "HTTP + read the counters", printed beside the summary's figures with their ratio.
import { fileURLToPath } from "node:url";
import { connectRedis, projectionOf, type Redis } from "@ballot/adapters";
import { hashStaffToken } from "@ballot/api/staff-auth";
import { createRedisKeys, type RedisKeys } from "@ballot/contracts";
import { applyEvidence, type BallotEvidence, type BallotState, emptyBallotState } from "@ballot/core";
import { type ServiceProcess, startRedisServer, startService } from "@ballot/local-stack";
import { services } from "@ballot/local-stack/paths";
import { createLogger } from "@ballot/runtime";
import autocannon from "autocannon";
import { Hono } from "hono";
import {
  benchArgs,
  createStartedList,
  formatCount,
  pipelineWindow,
  positiveOption,
  round,
  say,
  serveBareCeiling,
  statusCountsOf,
} from "./bench-support.ts";

const namespace = "bench";
const county = "06037";
const staffToken = "bench-staff-token-0123456789abcdef0123456789abcdef";
const summaryPath = `/v1/dashboard/counties/${county}/summary`;
const targets = { p99Ms: 50, connections: 200 } as const;
/** Set in the environment of the child process that serves the bare endpoint (this same file). */
const bareServerVariable = "BENCH_DASHBOARD_SERVE_BARE";

// ---------------------------------------------------------------------------------------------------------------
// Ballots: deterministic from their index. A county three weeks into an election: most delivered or back, some in
// the mail (a share of them silent for weeks), some undeliverable, rejected with a cure pending, or not yet accepted.

/** The stories happen on the days of an election that began three weeks ago, so "stuck" means what it will. */
const electionStartMs = Date.now() - 21 * 86_400_000;
const at = (iso: string) => electionStartMs + (Date.parse(iso) - Date.parse("2026-10-05T09:00:00Z"));
const stories: readonly { share: number; evidence: (index: number) => BallotEvidence[] }[] = [
  { share: 4, evidence: () => [] },
  { share: 10, evidence: () => [{ kind: "county", status: "mailed", occurredAtMs: at("2026-10-06T09:00:00Z") }] },
  {
    share: 18,
    evidence: (index) => [
      { kind: "county", status: "mailed", occurredAtMs: at("2026-10-06T09:00:00Z") },
      // Spread over three weeks: the older ones count as stuck.
      {
        kind: "usps",
        leg: "outbound",
        milestone: "in_transit",
        occurredAtMs: at("2026-10-07T00:00:00Z") + (index % 20) * 86_400_000,
      },
    ],
  },
  {
    share: 30,
    evidence: () => [
      { kind: "usps", leg: "outbound", milestone: "delivered", occurredAtMs: at("2026-10-09T15:10:00Z") },
    ],
  },
  {
    share: 2,
    evidence: () => [
      { kind: "usps", leg: "outbound", milestone: "undeliverable", occurredAtMs: at("2026-10-10T15:10:00Z") },
    ],
  },
  {
    share: 8,
    evidence: () => [
      { kind: "usps", leg: "return", milestone: "in_transit", occurredAtMs: at("2026-10-14T19:00:00Z") },
    ],
  },
  { share: 8, evidence: () => [{ kind: "county", status: "received", occurredAtMs: at("2026-10-16T10:00:00Z") }] },
  { share: 18, evidence: () => [{ kind: "county", status: "accepted", occurredAtMs: at("2026-10-18T10:00:00Z") }] },
  {
    share: 2,
    evidence: (index) => [
      {
        kind: "county",
        status: "rejected",
        occurredAtMs: at("2026-10-18T10:00:00Z"),
        reasonCode: index % 2 === 0 ? "signature_mismatch" : "signature_missing",
        cureDeadline: new Date(electionStartMs + (index % 3 === 0 ? 23 : 40) * 86_400_000).toISOString().slice(0, 10),
      },
    ],
  },
];
const storyOf = (() => {
  const table: number[] = [];
  stories.forEach((story, index) => {
    for (let share = 0; share < story.share; share += 1) table.push(index);
  });
  const mix = (index: number) => {
    let value = Math.imul(index ^ (index >>> 16), 0x45d9f3b);
    value = Math.imul(value ^ (value >>> 16), 0x45d9f3b);
    return (value ^ (value >>> 16)) >>> 0;
  };
  return (index: number) => stories[table[mix(index) % table.length] ?? 0] ?? stories[0];
})();

function ballotOf(index: number, zips: number): BallotState {
  const issued: BallotEvidence = {
    kind: "issued",
    ballotId: `B${index}`,
    voterId: `V${index}`,
    county,
    electionId: "2026-11-03-general",
    zip: String(90_001 + (index % zips)),
    occurredAtMs: at("2026-10-05T09:00:00Z"),
  };
  return [issued, ...(storyOf(index)?.evidence(index) ?? [])].reduce(applyEvidence, emptyBallotState);
}

// ---------------------------------------------------------------------------------------------------------------
// Loading: the tracker's projection of every ballot, summed into the counts hash and the queues it keeps.

async function loadCounters(redis: Redis, keys: RedisKeys, ballots: number, zips: number) {
  const startedAt = performance.now();
  const counts = new Map<string, number>();
  const add = (field: string) => counts.set(field, (counts.get(field) ?? 0) + 1);
  const batchSize = 5_000;
  const window = pipelineWindow();
  const queued = { inMail: 0, cureQueue: 0, undeliverable: 0 };
  for (let start = 0; start < ballots; start += batchSize) {
    const members = { inMail: [] as string[], cureQueue: [] as string[], undeliverable: [] as string[] };
    for (let index = start; index < Math.min(ballots, start + batchSize); index += 1) {
      const projection = projectionOf(ballotOf(index, zips));
      if (!projection) continue;
      const ballotKey = `271828:${String(index).padStart(9, "0")}`;
      add(`s:${projection.status}`);
      if (projection.zip) add(`z:${projection.zip}:${projection.status}`);
      if (projection.inMailSince !== undefined) members.inMail.push(String(projection.inMailSince), ballotKey);
      if (projection.cureDeadline !== undefined) members.cureQueue.push(String(projection.cureDeadline), ballotKey);
      if (projection.undeliverableSince !== undefined) {
        members.undeliverable.push(String(projection.undeliverableSince), ballotKey);
      }
    }
    const pipeline = redis.pipeline();
    for (const queue of ["inMail", "cureQueue", "undeliverable"] as const) {
      if (members[queue].length === 0) continue;
      pipeline.zadd(keys[queue](county), ...members[queue]);
      queued[queue] += members[queue].length / 2;
    }
    await window.send(pipeline);
  }
  await window.drain();
  await redis.hset(keys.countyCounts(county), Object.fromEntries([...counts].map(([field, n]) => [field, String(n)])));
  await redis.sadd(keys.counties(), county);
  return { seconds: (performance.now() - startedAt) / 1000, countFields: counts.size, queued };
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring.

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly requests: number;
  readonly byStatus: Record<string, number>;
  readonly errors: number;
  readonly timeouts: number;
}

function percentile(sorted: Float64Array, share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

async function drive(url: string, path: string, durationS: number, connections: number): Promise<Figures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${path}`,
        connections,
        duration: durationS,
        pipelining: 1,
        timeout: 10,
        headers: { authorization: `Bearer ${staffToken}` },
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client: unknown, _statusCode: number, _bytes: number, responseTimeMs: number) => {
      latencies.push(responseTimeMs);
    });
  });
  const all = Float64Array.from(latencies).sort();
  const byStatus = statusCountsOf(result);
  return {
    requestsPerSecond: Math.round(all.length / result.duration),
    p50Ms: round(percentile(all, 0.5), 2),
    p99Ms: round(percentile(all, 0.99), 2),
    maxMs: round(all.at(-1) ?? 0, 2),
    requests: all.length,
    byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The bare endpoint: Hono and one HGETALL of the county's counts hash, answered as JSON. Run as its own process.

async function serveBare(redisUrl: string): Promise<void> {
  const log = createLogger({ name: "bare", level: "warn" });
  const keys = createRedisKeys(namespace);
  const redis = connectRedis(redisUrl, "bare");
  const app = new Hono();
  app.get(summaryPath, async (c) => c.json(await redis.hgetall(keys.countyCounts(county))));
  await serveBareCeiling(app, redis, log);
}

// ---------------------------------------------------------------------------------------------------------------

const args = benchArgs(import.meta.url, {
  ballots: { type: "string" },
  zips: { type: "string" },
  duration: { type: "string" },
  warmup: { type: "string" },
  connections: { type: "string" },
  json: { type: "boolean", default: false },
  "redis-url": { type: "string" },
});

if (process.env[bareServerVariable] === "1") {
  await serveBare(process.env.REDIS_URL as string);
} else {
  await main();
}

async function main() {
  const ballots = positiveOption("ballots", args.ballots, 1_000_000);
  const zips = positiveOption("zips", args.zips, 150);
  const durationS = positiveOption("duration", args.duration, 15);
  const warmupS = args.warmup === undefined ? Math.min(3, durationS) : positiveOption("warmup", args.warmup, 3);
  const connections = positiveOption("connections", args.connections, targets.connections);
  const started = createStartedList();
  try {
    let redisUrl = args["redis-url"];
    if (!redisUrl) {
      const server = started.add(await startRedisServer());
      redisUrl = server.url;
      say(`redis-server ${server.url} (pid ${server.pid})`);
    }
    const keys = createRedisKeys(namespace);
    const redis = connectRedis(redisUrl, "bench-loader");
    started.add({ stop: async () => redis.disconnect() });
    say(`loading the counters of county ${county}: ${formatCount(ballots)} ballots over ${zips} ZIPs`);
    const loaded = await loadCounters(redis, keys, ballots, zips);
    say(
      `loaded in ${loaded.seconds.toFixed(1)} s: ${loaded.countFields} count fields, ${formatCount(loaded.queued.inMail)} in the mail, ` +
        `${formatCount(loaded.queued.cureQueue)} in the cure queue, ${formatCount(loaded.queued.undeliverable)} undeliverable`,
    );

    const measureApi = async (summaryCacheMs: number) => {
      const api: ServiceProcess = started.add(
        await startService({
          name: "api",
          ...services.api,
          env: {
            REDIS_URL: redisUrl,
            NAMESPACE: namespace,
            LOG_LEVEL: "warn",
            API_PORT: "0",
            IDENTITY_HASH_KEY: "bench-identity-hash-key-0123456789abcdef",
            API_STAFF_TOKENS: `bench.viewer:${county}:viewer:${hashStaffToken(staffToken).toString("hex")}`,
            API_DASHBOARD_SUMMARY_CACHE_MS: String(summaryCacheMs),
          },
        }),
      );
      const probe = await fetch(`${api.url}${summaryPath}`, { headers: { authorization: `Bearer ${staffToken}` } });
      const summary = (await probe.json()) as { total?: number; stuck?: number };
      const zips = (await (
        await fetch(`${api.url}${summaryPath.replace("/summary", "/zips")}`, {
          headers: { authorization: `Bearer ${staffToken}` },
        })
      ).json()) as { byZip?: unknown[] };
      if (probe.status !== 200 || summary.total !== ballots) {
        throw new Error(`the summary answered ${probe.status} with ${summary.total} ballots, not ${ballots}`);
      }
      say(
        `api ${api.url} (pid ${api.pid}, summary reading shared for ${summaryCacheMs} ms): ${formatCount(summary.total ?? 0)} ballots, ` +
          `${zips.byZip?.length ?? 0} ZIPs, ${formatCount(summary.stuck ?? 0)} stuck; warming up ${warmupS} s, then ${durationS} s with ${connections} viewers`,
      );
      if (warmupS > 0) await drive(api.url as string, summaryPath, warmupS, connections);
      const figures = await drive(api.url as string, summaryPath, durationS, connections);
      await api.stop();
      return { ...figures, summaryCacheMs, unexpected: figures.requests - (figures.byStatus["200"] ?? 0) };
    };
    const auditBefore = await redis.xlen(keys.staffAudit(county));
    const dashboard = await measureApi(1000);
    const auditEntries = (await redis.xlen(keys.staffAudit(county))) - auditBefore;
    const uncached = await measureApi(0);

    const bare: ServiceProcess = started.add(
      await startService({
        name: "bare",
        entry: fileURLToPath(import.meta.url),
        env: { [bareServerVariable]: "1", REDIS_URL: redisUrl },
        readyMessage: "bare listening",
      }),
    );
    say(`bare Hono + one HGETALL ${bare.url} (pid ${bare.pid}); same warm-up and run`);
    if (warmupS > 0) await drive(bare.url as string, summaryPath, warmupS, connections);
    const ceiling = await drive(bare.url as string, summaryPath, durationS, connections);
    await bare.stop();

    const report = {
      tool: "autocannon",
      scenario: `GET ${summaryPath} with a county viewer's token, ${connections} concurrent viewers`,
      ballots,
      zips,
      countFields: loaded.countFields,
      queued: loaded.queued,
      loadSeconds: round(loaded.seconds, 1),
      durationSeconds: durationS,
      connections,
      summary: dashboard,
      summaryReadPerRequest: uncached,
      auditEntriesWritten: auditEntries,
      bare: { ...ceiling, unexpected: ceiling.requests - (ceiling.byStatus["200"] ?? 0) },
      ratio: round(dashboard.requestsPerSecond / Math.max(1, ceiling.requestsPerSecond), 3),
      ratioReadPerRequest: round(uncached.requestsPerSecond / Math.max(1, ceiling.requestsPerSecond), 3),
      target: { ...targets, met: dashboard.p99Ms <= targets.p99Ms && connections >= targets.connections },
    };
    if (args.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return;
    }
    const line = (label: string, figures: Figures & { unexpected: number }) =>
      `${label.padEnd(34)} ${String(figures.requestsPerSecond).padStart(7)}/s   p50 ${figures.p50Ms
        .toFixed(2)
        .padStart(
          6,
        )} ms   p99 ${figures.p99Ms.toFixed(2).padStart(6)} ms   max ${figures.maxMs.toFixed(0)} ms   errors ${
        figures.errors
      }, timeouts ${figures.timeouts}, unexpected statuses ${figures.unexpected}`;
    process.stdout.write(`
dashboard benchmark (autocannon, ${connections} concurrent viewers, ${durationS} s each)
county ${county}: ${formatCount(ballots)} ballots, ${zips} ZIPs (${loaded.countFields} count fields), ${formatCount(loaded.queued.inMail)} in the mail

${line("GET .../summary (API, 1 s reading)", report.summary)}
${line("GET .../summary (API, per request)", report.summaryReadPerRequest)}
${line("bare Hono + one HGETALL", report.bare)}
ratio summary / bare: ${report.ratio} (read per request: ${report.ratioReadPerRequest})
audit entries written during the 1 s reading run: ${formatCount(auditEntries)} (one viewer, its summary and ZIP views: each recorded once per 10 minutes)
target: p99 <= ${targets.p99Ms} ms with ${targets.connections} viewers: ${report.target.met ? "met" : "NOT met"}
`);
  } finally {
    await started.stopAll();
  }
}
