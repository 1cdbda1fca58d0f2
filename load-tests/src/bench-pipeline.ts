// pnpm bench:pipeline [--ballots N] [--scans N] [--batch-records N] [--connections C] [--trackers T]
//                     [--steady-rate N] [--steady-seconds S] [--steady-batch-records N] [--raw-messages N]
//                     [--raw-ballots N] [--json]
//
// The whole scan path, end to end, on this machine: USPS IV-MTR pushes over HTTP -> ingest -> JetStream -> tracker ->
// ballot state in Redis (and status-change events). It starts its own nats-server (JetStream, file storage) and
// redis-server (with the hash encoding settings of infra/redis/single-node.conf, without persistence), then ingest and
// T tracker instances on the tracker's one consumer (one per core by default; trackers are stateless and scale out)
// as their own processes (as in production), and measures in one run:
//   1. the raw ceilings: JetStream pull-consume + ack of one message per scan, and Redis pipelined ballot writes
//      (HSET of an encoded ballot + EXPIRE);
//   2. loading N ballots (200,000 by default) as county ballot records through ingest's county endpoint: the tracker
//      builds their state (issued) from the events, as it would for a county's file;
//   3. end to end: M scans (2,000,000 by default, ten per ballot: five on the outbound leg, five on the return leg)
//      pushed in batches of 2,000 over 4 connections, one stage of many pieces at a time as a feed sends them, until
//      the tracker's consumer has nothing pending. Then every ballot's status is checked through the county counts,
//      a sample of ballots' states field by field, the status events against the changes the scans imply, and the
//      dead-letter stream is checked to be empty;
//   4. Redis memory: used_memory after the scans minus before the ballots, per ballot;
//   5. latency at a steady rate (5,000 scans/s by default): a later scan for each of many ballots, sent on a fixed
//      schedule; the time from a scan's scheduled send to the write of its ballot, seen as a keyspace notification on
//      its bucket (one scan per ballot in this phase and no status changes, so a bucket's writes are those scans').
// Progress goes to stderr; the report to stdout (`--json`: one JSON object).
import { availableParallelism, loadavg } from "node:os";
import {
  connectJetStream,
  connectRedis,
  ensureDurableConsumer,
  ensureStreams,
  type JetStreamConnection,
  newBallotValue,
  parseStoredBallot,
  type Redis,
} from "@ballot/adapters";
import { createCatalog, createRedisKeys, type StreamSpec } from "@ballot/contracts";
import { type BallotStatus, currentStatus, emptyBallotState, rankOf, type UspsStatus } from "@ballot/core";
import {
  type LocalServer,
  type ServiceProcess,
  startNatsServer,
  startRedisServer,
  startService,
} from "@ballot/local-stack";
import { repoRoot, services } from "@ballot/local-stack/paths";
import {
  benchArgs,
  createStartedList,
  formatCount,
  imbOf,
  ivmtrEventJson,
  outboundScanStages,
  percentileOf,
  positiveOption,
  round,
  type ScanStage,
  say,
  stageAtMs,
} from "./bench-support.ts";

const namespace = "bench";
const feed = "bench";
const feedToken = "bench-feed-token-0123456789";
const county = "06999";
const countyToken = "bench-county-token-0123456789";
const mailerId = "314159";
const electionId = "G2026-11-03";
const voterZip = "95616";
const countyOfficeZip = "95695";
const targets = { scansPerSecond: 25_000, p99LatencyMs: 250, bytesPerBallot: 300 } as const;

const args = benchArgs(import.meta.url, {
  ballots: { type: "string" },
  scans: { type: "string" },
  "batch-records": { type: "string" },
  connections: { type: "string" },
  trackers: { type: "string" },
  "steady-rate": { type: "string" },
  "steady-seconds": { type: "string" },
  "steady-batch-records": { type: "string" },
  "raw-messages": { type: "string" },
  "raw-ballots": { type: "string" },
  json: { type: "boolean", default: false },
});

// ---------------------------------------------------------------------------------------------------------------
// A ballot's trip: the outbound envelope to the voter (in the mail, out for delivery, delivered), then the return
// envelope (same mailer id and serial, return STID) back to the county office. The feed sends one stage of many
// pieces at a time, so a ballot's scans are a whole stage apart in the stream.

interface TripStage {
  readonly leg: "outbound" | "return";
  readonly stage: ScanStage;
  /** The status this scan is evidence of (return-leg scans: back in the mail). */
  readonly status: UspsStatus;
}

const returnLegHour = 4 * 24;
const tripStages: readonly TripStage[] = [
  ...outboundScanStages.map((stage): TripStage => {
    const status: UspsStatus =
      stage.opcode === "LOF" ? "out_for_delivery" : stage.opcode === "LDE" ? "delivered" : "in_transit";
    return { leg: "outbound", stage, status };
  }),
  ...[
    { phase: "Phase 1a - Origin Primary Processing", handling: "Physical", opcode: "271", zip: voterZip, hour: 0 },
    {
      phase: "Phase 2c - Destination Primary Processing",
      handling: "Physical",
      opcode: "291",
      zip: "95813",
      hour: 14,
    },
    {
      phase: "Phase 3c - Destination Sequenced Carrier Sortation",
      handling: "Physical",
      opcode: "919",
      zip: countyOfficeZip,
      hour: 24,
    },
    { phase: "Phase 4c - Delivery", handling: "Logical Out for Delivery Event", opcode: "LOF", zip: "", hour: 28 },
    { phase: "Phase 4c - Delivery", handling: "Logical Delivery Event", opcode: "LDE", zip: "", hour: 31 },
  ].map(
    (stage): TripStage => ({
      leg: "return",
      stage: { ...stage, hour: returnLegHour + stage.hour },
      status: "returned_by_voter",
    }),
  ),
];
/** The steady phase's scan: the return envelope sorted again at the county's delivery unit, days later. */
const steadyStage: ScanStage = {
  phase: "Phase 3c - Destination Sequenced Carrier Sortation",
  handling: "Physical",
  opcode: "918",
  zip: countyOfficeZip,
  hour: returnLegHour + 24 * 3,
};

const ballots = positiveOption("ballots", args.ballots, 200_000);
const scans = positiveOption("scans", args.scans, ballots * tripStages.length);
const batchRecords = positiveOption("batch-records", args["batch-records"], 2_000);
const connections = positiveOption("connections", args.connections, 4);
/** Tracker instances on the one consumer (stateless, as deployed), one per core by default. */
const trackerCount = positiveOption("trackers", args.trackers, availableParallelism());
const steadyRate = positiveOption("steady-rate", args["steady-rate"], 5_000);
const steadySeconds = positiveOption("steady-seconds", args["steady-seconds"], 20, true);
const steadyBatchRecords = positiveOption("steady-batch-records", args["steady-batch-records"], 250);
const rawMessages = positiveOption(
  "raw-messages",
  args["raw-messages"],
  Math.min(200_000, Math.max(20_000, scans / 10)),
);
const rawBallots = positiveOption("raw-ballots", args["raw-ballots"], Math.min(200_000, Math.max(20_000, ballots)));
if (scans > ballots * tripStages.length) {
  throw new Error(`--scans can be at most ${tripStages.length} per ballot (${ballots * tripStages.length})`);
}
/** One steady-phase scan per ballot, so a ballot's first write after its send is that scan's. */
const steadyScans = Math.min(Math.round(steadyRate * steadySeconds), ballots);

const serialOf = (piece: number) => String(piece).padStart(9, "0");
const outboundImbOf = (piece: number) => imbOf("720", mailerId, piece, voterZip);
const returnImbOf = (piece: number) => imbOf("777", mailerId, piece, countyOfficeZip);
/** How many trip stages a ballot receives: scans go stage by stage over all ballots. */
const stagesOf = (piece: number) => Math.floor(scans / ballots) + (piece < scans % ballots ? 1 : 0);

function scanEventJson(index: number): string {
  const trip = tripStages[Math.floor(index / ballots)] as TripStage;
  const piece = index % ballots;
  const imb = trip.leg === "outbound" ? outboundImbOf(piece) : returnImbOf(piece);
  return ivmtrEventJson(imb, piece, trip.stage, trip.leg === "outbound" ? { expectedDeliveryDate: "2026-10-08" } : {});
}

function ballotRecord(piece: number) {
  const serial = serialOf(piece);
  return {
    ballot_id: `B${serial}`,
    voter_id: `V${serial}`,
    election_id: electionId,
    outbound_imb: outboundImbOf(piece),
    return_imb: returnImbOf(piece),
    issued_at: "2026-10-01",
  };
}

/** What a ballot must look like once its scans are applied, from the trip alone (not from the reducer). */
function expectedStateOf(piece: number) {
  const usps: Partial<Record<UspsStatus, number>> = {};
  let asOfMs = Date.UTC(2026, 9, 1);
  let status: BallotStatus = "issued";
  for (const trip of tripStages.slice(0, stagesOf(piece))) {
    const atMs = stageAtMs(piece, trip.stage);
    usps[trip.status] = Math.min(usps[trip.status] ?? atMs, atMs);
    asOfMs = Math.max(asOfMs, atMs);
    if (rankOf(trip.status) > rankOf(status)) status = trip.status;
  }
  return { status, usps, asOfMs };
}

// ---------------------------------------------------------------------------------------------------------------
// Process CPU time, from /proc (Linux): who spends the machine's two cores.

async function cpuSecondsOf(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  try {
    const { readFile } = await import("node:fs/promises");
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The processes of each part (several tracker instances share the tracker's consumer). */
type Pids = Record<"ingest" | "tracker" | "nats" | "redis", readonly (number | undefined)[]>;

async function cpuSnapshot(pids: Pids) {
  const entries = await Promise.all(
    Object.entries(pids).map(async ([name, ofPart]) => {
      const seconds = await Promise.all(ofPart.map(cpuSecondsOf));
      const known = seconds.filter((value): value is number => value !== null);
      return [name, known.length === seconds.length ? known.reduce((sum, value) => sum + value, 0) : null] as const;
    }),
  );
  const usage = process.cpuUsage();
  return { ...Object.fromEntries(entries), bench: (usage.user + usage.system) / 1e6 } as Record<string, number | null>;
}

function cpuBetween(before: Record<string, number | null>, after: Record<string, number | null>) {
  return Object.fromEntries(
    Object.entries(after).map(([name, value]) => {
      const start = before[name];
      return [name, value === null || start === null || start === undefined ? null : round(value - start, 1)];
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Raw ceilings.

/** JetStream pull-consume + ack: one scan-sized message each, consumed as the tracker consumes (256 at a time). */
async function measureConsumeAck(connection: JetStreamConnection, messages: number) {
  const spec: StreamSpec = {
    name: "BENCH_RAW",
    subjects: ["bench-raw.>"],
    maxAgeMs: 2 * 86_400_000,
    duplicateWindowMs: 60_000,
  };
  await ensureStreams(connection.jsm, [spec]);
  const payload = new TextEncoder().encode(JSON.stringify({ scans: [JSON.parse(scanEventJson(0))] }).padEnd(400, " "));
  // Published without waiting for acknowledgements (only the consuming side is measured), flushed now and then so
  // the server keeps up; then counted, since only what was stored can be consumed.
  for (let index = 0; index < messages; index += 1) {
    connection.nc.publish("bench-raw.scan", payload);
    if (index % 2_000 === 1_999) await connection.nc.flush();
  }
  await connection.nc.flush();
  let stored = 0;
  for (let waitedMs = 0; waitedMs < 10_000; waitedMs += 100) {
    stored = (await connection.jsm.streams.info(spec.name)).state.messages;
    if (stored >= messages) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await ensureDurableConsumer(connection.jsm, { stream: spec.name, durable: "bench-raw" });
  const consumer = await connection.js.consumers.get(spec.name, "bench-raw");
  const startedAt = performance.now();
  const iterator = await consumer.consume({ max_messages: 256 });
  let consumed = 0;
  for await (const message of iterator) {
    message.ack();
    consumed += 1;
    if (consumed >= stored) break;
  }
  await iterator.close();
  // Acks are fire-and-forget: the ceiling counts until the server has them all.
  for (;;) {
    const info = await connection.jsm.consumers.info(spec.name, "bench-raw");
    if (info.ack_floor.stream_seq >= stored && info.num_ack_pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const seconds = (performance.now() - startedAt) / 1000;
  await connection.jsm.streams.delete(spec.name);
  return {
    messages: stored,
    messageBytes: payload.length,
    seconds: round(seconds, 2),
    messagesPerSecond: Math.round(stored / seconds),
  };
}

/** Redis pipelined writes of ballots like the tracker's (encoded the same way, in its buckets) with an EXPIRE each. */
async function measureRedisWrites(url: string, count: number) {
  // Database 1, flushed afterwards: the memory figures are taken on database 0 from an unchanged baseline.
  const redis = connectRedis(`${url}/1`, "bench-raw");
  const rawKeys = createRedisKeys("bench-raw");
  const value = newBallotValue({
    ballotId: "B000000001",
    voterId: "V000000001",
    county,
    electionId,
    zip: voterZip,
    issuedAtMs: Date.UTC(2026, 9, 1),
    usps: { in_transit: Date.UTC(2026, 9, 6, 11), delivered: Date.UTC(2026, 9, 7, 22) },
    lastOutboundScanAtMs: Date.UTC(2026, 9, 7, 22),
    countyEvents: [],
    asOfMs: Date.UTC(2026, 9, 7, 22),
    expectedDeliveryDate: { date: "2026-10-08", seenAtMs: Date.UTC(2026, 9, 6, 11) },
  });
  const windowBallots = 1_000;
  const startedAt = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let first = 0; first < count; first += windowBallots) {
    const pipeline = redis.pipeline();
    for (let index = first; index < Math.min(count, first + windowBallots); index += 1) {
      const [bucket, field] = rawKeys.ballot(`${mailerId}:${serialOf(index)}`);
      pipeline.hset(bucket, field, value);
      pipeline.expire(bucket, 86_400);
    }
    inFlight.push(pipeline.exec());
    // Two pipelines in flight: one on the wire while Redis works through the other.
    if (inFlight.length >= 2) await inFlight.shift();
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - startedAt) / 1000;
  await redis.flushdb();
  await redis.quit();
  return {
    ballots: count,
    commandsPerBallot: 2,
    seconds: round(seconds, 2),
    ballotsPerSecond: Math.round(count / seconds),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Waiting for the tracker.

async function trackerBacklog(connection: JetStreamConnection, stream: string, durable: string) {
  const [consumer, streamInfo] = await Promise.all([
    connection.jsm.consumers.info(stream, durable),
    connection.jsm.streams.info(stream),
  ]);
  const drained = consumer.ack_floor.stream_seq >= streamInfo.state.last_seq && consumer.num_ack_pending === 0;
  return {
    drained,
    behind: streamInfo.state.last_seq - consumer.ack_floor.stream_seq,
    ackFloor: consumer.ack_floor.stream_seq,
  };
}

/**
 * Resolves when the tracker's consumer has acknowledged everything in the stream; fails when it makes no progress
 * for `stallMs` (the tracker's last output says why).
 */
async function waitForDrained(
  connection: JetStreamConnection,
  consumer: { stream: string; durable: string },
  trackers: readonly ServiceProcess[],
  progress: (behind: number) => void,
  stallMs = 30_000,
) {
  let lastFloor = -1;
  let lastMoveMs = performance.now();
  let lastReportMs = performance.now();
  for (;;) {
    const backlog = await trackerBacklog(connection, consumer.stream, consumer.durable);
    if (backlog.drained) return;
    const nowMs = performance.now();
    if (backlog.ackFloor !== lastFloor) {
      lastFloor = backlog.ackFloor;
      lastMoveMs = nowMs;
    } else if (nowMs - lastMoveMs > stallMs) {
      const output = trackers.map((tracker) => tracker.recentOutput()).join("\n");
      throw new Error(`the tracker made no progress for ${stallMs} ms:\n${output}`);
    }
    if (nowMs - lastReportMs >= 2_000) {
      lastReportMs = nowMs;
      progress(backlog.behind);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sending through ingest.

interface Counts {
  accepted: number;
  duplicate: number;
  rejected: number;
  foreign: number;
}

async function post(url: string, token: string, body: string): Promise<Counts> {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`ingest answered ${response.status}: ${text.slice(0, 300)}`);
  const answer = JSON.parse(text) as Counts;
  return {
    accepted: answer.accepted,
    duplicate: answer.duplicate,
    rejected: answer.rejected,
    foreign: answer.foreign ?? 0,
  };
}

/** Sends `total` records in batches over `connections` keep-alive connections; `onBatch` sees each answer. */
async function sendBatches(
  total: number,
  perBatch: number,
  send: (first: number, count: number) => Promise<Counts>,
  onBatch: (sent: number) => void,
): Promise<Counts> {
  const counts: Counts = { accepted: 0, duplicate: 0, rejected: 0, foreign: 0 };
  const batches = Math.ceil(total / perBatch);
  let nextBatch = 0;
  let sent = 0;
  const worker = async () => {
    while (nextBatch < batches) {
      const first = nextBatch * perBatch;
      nextBatch += 1;
      const count = Math.min(perBatch, total - first);
      const answer = await send(first, count);
      for (const key of Object.keys(counts) as (keyof Counts)[]) counts[key] += answer[key];
      sent += count;
      onBatch(sent);
    }
  };
  await Promise.all(Array.from({ length: Math.min(connections, batches) }, worker));
  return counts;
}

function scanBatchBody(first: number, count: number, event: (index: number) => string, group: string): string {
  const events: string[] = new Array(count);
  for (let offset = 0; offset < count; offset += 1) events[offset] = event(first + offset);
  return `{"msgGrpId":"${group}-${first}","events":[${events.join(",")}]}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Redis state checks.

/** Redis's own counters: commands processed and bytes in and out, to say what a scan costs it. */
async function redisTraffic(redis: Redis) {
  const info = await redis.info("stats");
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, "m").exec(info)?.[1] ?? "0");
  return {
    commands: field("total_commands_processed"),
    inputBytes: field("total_net_input_bytes"),
    outputBytes: field("total_net_output_bytes"),
    reads: field("total_reads_processed"),
  };
}

async function usedMemoryBytes(redis: Redis): Promise<number> {
  const info = await redis.info("memory");
  return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? "0");
}

/** The encoding settings of the production config (infra/redis/single-node.conf), applied with CONFIG SET. */
async function applyEncodingSettings(redis: Redis): Promise<Record<string, string>> {
  const { readFile } = await import("node:fs/promises");
  const conf = await readFile(`${repoRoot}/infra/redis/single-node.conf`, "utf8");
  const applied: Record<string, string> = {};
  for (const line of conf.split("\n")) {
    const match = /^((?:hash|set|zset|list)-max-[a-z-]+)\s+(\S+)/.exec(line.trim());
    if (!match) continue;
    const [, name = "", value = ""] = match;
    await redis.config("SET", name, value);
    applied[name] = value;
  }
  return applied;
}

/** Compares a sample of ballots (spread over all of them) with what their trip implies. */
async function verifySampledBallots(redis: Redis, keys: ReturnType<typeof createRedisKeys>, sampleSize: number) {
  const step = Math.max(1, Math.floor(ballots / sampleSize));
  const pieces: number[] = [];
  for (let piece = 0; piece < ballots && pieces.length < sampleSize; piece += step) pieces.push(piece);
  if (!pieces.includes(ballots - 1)) pieces.push(ballots - 1);
  const pipeline = redis.pipeline();
  for (const piece of pieces) pipeline.hget(...keys.ballot(`${mailerId}:${serialOf(piece)}`));
  const values = ((await pipeline.exec()) ?? []).map(([, value]) => parseStoredBallot(value as string | null));
  const mismatches: { ballot: string; expected: unknown; found: unknown }[] = [];
  values.forEach((stored, index) => {
    const piece = pieces[index] as number;
    const expected = expectedStateOf(piece);
    const state = stored?.state ?? emptyBallotState;
    const found = { status: currentStatus(state), usps: state.usps, asOfMs: state.asOfMs };
    const ok =
      found.status === expected.status &&
      found.asOfMs === expected.asOfMs &&
      JSON.stringify(Object.entries(found.usps).sort()) === JSON.stringify(Object.entries(expected.usps).sort()) &&
      state.ballotId === `B${serialOf(piece)}` &&
      stored?.pending === "";
    if (!ok && mismatches.length < 5)
      mismatches.push({ ballot: serialOf(piece), expected, found: { ...found, pending: stored?.pending } });
  });
  return { sampled: pieces.length, mismatches };
}

/** Every ballot is counted once under its status: the county counts must equal what the trips imply. */
async function verifyCountyCounts(redis: Redis, keys: ReturnType<typeof createRedisKeys>) {
  const expected: Record<string, number> = {};
  for (let piece = 0; piece < ballots; piece += 1) {
    const status = expectedStateOf(piece).status;
    expected[`s:${status}`] = (expected[`s:${status}`] ?? 0) + 1;
  }
  const stored = await redis.hgetall(keys.countyCounts(county));
  const found = Object.fromEntries(
    Object.entries(stored)
      .filter(([field, value]) => field.startsWith("s:") && value !== "0")
      .map(([field, value]) => [field, Number(value)]),
  );
  const ok = JSON.stringify(Object.entries(found).sort()) === JSON.stringify(Object.entries(expected).sort());
  return { ok, expected, found };
}

/**
 * Status changes the trips imply: issued, then each rise through in the mail, out for delivery, delivered, back. At
 * most: scans of one ballot that the tracker applies close together (or out of order) announce fewer, since changes
 * not yet announced fold into one and a lower status arriving late changes nothing.
 */
function expectedStatusChanges(): number {
  let changes = 0;
  for (let piece = 0; piece < ballots; piece += 1) {
    const reached = new Set(tripStages.slice(0, stagesOf(piece)).map((trip) => trip.status));
    changes += 1 + reached.size;
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Steady rate: scans sent on a fixed schedule, each one's state write seen as a keyspace notification.

async function measureSteadyLatency(
  redisUrl: string,
  redis: Redis,
  keys: ReturnType<typeof createRedisKeys>,
  ingestUrl: string,
) {
  const subscriber = connectRedis(redisUrl, "bench-latency");
  await redis.config("SET", "notify-keyspace-events", "Kh");
  const channelPrefix = "__keyspace@0__:";
  /**
   * Ballot bucket -> when its ballots' scans were due to be sent (scheduled time, so a lagging sender cannot hide
   * delay), in the order sent. The steady scans change no ballot's status (nothing is announced), so each HSET on a
   * bucket is one ballot's write: the n-th write on a bucket is taken for the n-th scan sent to it. Ballots of one
   * bucket are a hundred consecutive pieces, mostly in the same batch, so they share their due time.
   */
  const due = new Map<string, number[]>();
  const latenciesMs: number[] = [];
  subscriber.on("pmessage", (_pattern: string, channel: string, event: string) => {
    if (event !== "hset") return;
    const key = channel.slice(channelPrefix.length);
    const waiting = due.get(key);
    const dueMs = waiting?.shift();
    if (dueMs === undefined) return;
    latenciesMs.push(performance.now() - dueMs);
    if (waiting?.length === 0) due.delete(key);
  });
  await subscriber.psubscribe(`${channelPrefix}${keys.ballotBuckets()}`);

  const event = (piece: number) => ivmtrEventJson(returnImbOf(piece), piece, steadyStage);
  const batches = Math.ceil(steadyScans / steadyBatchRecords);
  const intervalMs = (steadyBatchRecords / steadyRate) * 1000;
  const sends: Promise<Counts>[] = [];
  const counts: Counts = { accepted: 0, duplicate: 0, rejected: 0, foreign: 0 };
  let lateSends = 0;
  const startedAt = performance.now();
  let lastReportMs = startedAt;
  for (let batch = 0; batch < batches; batch += 1) {
    const dueMs = startedAt + batch * intervalMs;
    const waitMs = dueMs - performance.now();
    // Pacing, not waiting for an effect: the open-loop schedule is the load being measured.
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    else if (waitMs < -intervalMs) lateSends += 1;
    const first = batch * steadyBatchRecords;
    const count = Math.min(steadyBatchRecords, steadyScans - first);
    for (let piece = first; piece < first + count; piece += 1) {
      const [bucket] = keys.ballot(`${mailerId}:${serialOf(piece)}`);
      const waiting = due.get(bucket);
      if (waiting) waiting.push(dueMs);
      else due.set(bucket, [dueMs]);
    }
    sends.push(post(`${ingestUrl}/v1/feeds/${feed}/ivmtr`, feedToken, scanBatchBody(first, count, event, "steady")));
    const nowMs = performance.now();
    if (nowMs - lastReportMs >= 2_000) {
      lastReportMs = nowMs;
      const sorted = [...latenciesMs].sort((a, b) => a - b);
      say(
        `  steady: ${formatCount(first + count)} / ${formatCount(steadyScans)} scans sent, ${formatCount(latenciesMs.length)} applied, p99 so far ${percentileOf(sorted, 0.99)} ms`,
      );
    }
  }
  const sentSeconds = (performance.now() - startedAt) / 1000;
  for (const answer of await Promise.all(sends)) {
    for (const key of Object.keys(counts) as (keyof Counts)[]) counts[key] += answer[key];
  }
  const deadlineMs = performance.now() + 30_000;
  while (due.size > 0 && performance.now() < deadlineMs) await new Promise((resolve) => setTimeout(resolve, 20));
  const missing = [...due.values()].reduce((sum, waiting) => sum + waiting.length, 0);
  await subscriber.punsubscribe();
  subscriber.disconnect();
  await redis.config("SET", "notify-keyspace-events", "");
  latenciesMs.sort((a, b) => a - b);

  // The writes seen must be these scans: every steady ballot's as-of is now its steady scan's time.
  const pipeline = redis.pipeline();
  for (let piece = 0; piece < steadyScans; piece += 1) pipeline.hget(...keys.ballot(`${mailerId}:${serialOf(piece)}`));
  const asOfs = ((await pipeline.exec()) ?? []).map(([, value]) => parseStoredBallot(value as string | null));
  let asOfMismatches = 0;
  asOfs.forEach((stored, piece) => {
    const expectedMs = Math.floor(stageAtMs(piece, steadyStage) / 1000) * 1000;
    if (stored?.state.asOfMs !== expectedMs) asOfMismatches += 1;
  });
  return {
    targetScansPerSecond: steadyRate,
    achievedScansPerSecond: Math.round(steadyScans / Math.max(sentSeconds, intervalMs / 1000)),
    scans: steadyScans,
    batchRecords: steadyBatchRecords,
    counts,
    lateSends,
    measured: latenciesMs.length,
    missing,
    asOfMismatches,
    latencyMs: {
      p50: percentileOf(latenciesMs, 0.5),
      p90: percentileOf(latenciesMs, 0.9),
      p99: percentileOf(latenciesMs, 0.99),
      max: percentileOf(latenciesMs, 1),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** The machine's one-minute load average when the run began: other work on it shows here. */
const startLoadAverage = round(loadavg()[0] ?? 0, 2);

async function main() {
  const started = createStartedList();
  try {
    const [nats, redisServer]: LocalServer[] = await Promise.all([startNatsServer(), startRedisServer()]);
    started.add(nats as LocalServer);
    started.add(redisServer as LocalServer);
    const natsUrl = (nats as LocalServer).url;
    const redisUrl = (redisServer as LocalServer).url;
    say(`nats-server ${natsUrl} (pid ${nats?.pid}), JetStream with file storage`);
    const connection = await connectJetStream(natsUrl, "bench-pipeline");
    started.add({ stop: () => connection.close() });
    const redis = connectRedis(redisUrl, "bench-pipeline");
    started.add({ stop: async () => void (await redis.quit()) });
    const redisConfig = await applyEncodingSettings(redis);
    say(
      `redis-server ${redisUrl} (pid ${redisServer?.pid}), no persistence; from single-node.conf: ${Object.entries(
        redisConfig,
      )
        .map(([name, value]) => `${name} ${value}`)
        .join(", ")}`,
    );

    say(`raw JetStream pull-consume + ack: ${formatCount(rawMessages)} messages`);
    const consumeAck = await measureConsumeAck(connection, rawMessages);
    say(`  ${formatCount(consumeAck.messagesPerSecond)} messages/s (${consumeAck.seconds} s)`);
    say(`raw Redis pipelined HSET + EXPIRE: ${formatCount(rawBallots)} ballots`);
    const redisWrites = await measureRedisWrites(redisUrl, rawBallots);
    say(`  ${formatCount(redisWrites.ballotsPerSecond)} ballots/s (${redisWrites.seconds} s)`);

    const catalog = createCatalog(namespace);
    const keys = createRedisKeys(namespace);
    await ensureStreams(connection.jsm, Object.values(catalog.streams));
    const env = {
      NATS_URL: natsUrl,
      REDIS_URL: redisUrl,
      NAMESPACE: namespace,
      LOG_LEVEL: "warn",
      INGEST_PORT: "0",
      FEED_TOKENS: `${feed}=${feedToken}`,
      COUNTY_TOKENS: `${county}=${countyToken}`,
      MAILER_IDS: mailerId,
      IDENTITY_HASH_KEY: "bench-identity-hash-key-0123456789abcdef",
    };
    const [ingest, ...trackers] = await Promise.all([
      startService({ name: "ingest", ...services.ingest, env }),
      ...Array.from({ length: trackerCount }, (_, index) =>
        startService({ name: `tracker-${index + 1}`, ...services.tracker, env }),
      ),
    ]);
    started.add(ingest);
    for (const tracker of trackers) started.add(tracker);
    const ingestUrl = ingest.url as string;
    const pids: Pids = {
      ingest: [ingest.pid],
      tracker: trackers.map((tracker) => tracker.pid),
      nats: [nats?.pid],
      redis: [redisServer?.pid],
    };
    say(
      `ingest ${ingestUrl} (pid ${ingest.pid}), ${trackerCount} tracker(s) on one consumer (pids ${pids.tracker.join(", ")})`,
    );
    const trackerConsumer = catalog.consumers.tracker;
    const behindLine = (behind: number) => say(`  tracker: ${formatCount(behind)} messages behind`);

    // 2. Ballots.
    const usedBeforeBytes = await usedMemoryBytes(redis);
    say(`loading ${formatCount(ballots)} ballots through POST /v1/counties/${county}/ballots`);
    const loadStartedAt = performance.now();
    let lastLoadReportMs = loadStartedAt;
    const loadCounts = await sendBatches(
      ballots,
      batchRecords,
      (first, count) =>
        post(
          `${ingestUrl}/v1/counties/${county}/ballots`,
          countyToken,
          JSON.stringify({ records: Array.from({ length: count }, (_, offset) => ballotRecord(first + offset)) }),
        ),
      (sent) => {
        const nowMs = performance.now();
        if (nowMs - lastLoadReportMs < 2_000) return;
        lastLoadReportMs = nowMs;
        say(`  ${formatCount(sent)} / ${formatCount(ballots)} ballot records accepted`);
      },
    );
    await waitForDrained(connection, trackerConsumer, trackers, behindLine);
    const loadSeconds = (performance.now() - loadStartedAt) / 1000;
    const usedAfterLoadBytes = await usedMemoryBytes(redis);
    say(`  ${formatCount(ballots / loadSeconds)} ballots/s into Redis state (${round(loadSeconds, 1)} s)`);

    // 3. Scans, end to end.
    say(
      `pushing ${formatCount(scans)} scans through POST /v1/feeds/${feed}/ivmtr in batches of ${formatCount(batchRecords)} over ${connections} connections`,
    );
    const eventsBefore = (await connection.jsm.streams.info(catalog.streams.events.name)).state;
    const cpuBefore = await cpuSnapshot(pids);
    const trafficBefore = await redisTraffic(redis);
    const pushStartedAt = performance.now();
    let lastPushReportMs = pushStartedAt;
    let reporting = false;
    const scanCounts = await sendBatches(
      scans,
      batchRecords,
      (first, count) =>
        post(`${ingestUrl}/v1/feeds/${feed}/ivmtr`, feedToken, scanBatchBody(first, count, scanEventJson, "bulk")),
      (sent) => {
        const nowMs = performance.now();
        if (nowMs - lastPushReportMs < 2_000 || reporting) return;
        lastPushReportMs = nowMs;
        reporting = true;
        void trackerBacklog(connection, trackerConsumer.stream, trackerConsumer.durable)
          .then((backlog) =>
            say(
              `  ${formatCount(sent)} / ${formatCount(scans)} scans accepted by ingest (${formatCount(sent / ((nowMs - pushStartedAt) / 1000))}/s); tracker ${formatCount(backlog.behind)} messages behind`,
            ),
          )
          .finally(() => {
            reporting = false;
          });
      },
    );
    const pushSeconds = (performance.now() - pushStartedAt) / 1000;
    say(`  all scans accepted by ingest in ${round(pushSeconds, 1)} s; waiting for the tracker`);
    await waitForDrained(connection, trackerConsumer, trackers, behindLine);
    const endToEndSeconds = (performance.now() - pushStartedAt) / 1000;
    const cpuSeconds = cpuBetween(cpuBefore, await cpuSnapshot(pids));
    const trafficAfter = await redisTraffic(redis);
    // The machine is shared: CPU time per scan is steadier than wall time, and says what the cores would allow.
    const cpuMicrosecondsPerScan = Object.fromEntries(
      Object.entries(cpuSeconds).map(([name, seconds]) => [
        name,
        seconds === null ? null : round((seconds * 1e6) / scans, 1),
      ]),
    );
    const totalCpuMicrosecondsPerScan = Object.values(cpuMicrosecondsPerScan).reduce<number>(
      (sum, value) => sum + (value ?? 0),
      0,
    );
    const cpuBoundScansPerSecond = Math.round(
      (availableParallelism() * 1e6) / Math.max(1, totalCpuMicrosecondsPerScan),
    );
    const redisPerScan = {
      commands: round((trafficAfter.commands - trafficBefore.commands) / scans, 2),
      inputBytes: Math.round((trafficAfter.inputBytes - trafficBefore.inputBytes) / scans),
      outputBytes: Math.round((trafficAfter.outputBytes - trafficBefore.outputBytes) / scans),
      socketReads: round((trafficAfter.reads - trafficBefore.reads) / scans, 3),
    };
    const eventsAfter = (await connection.jsm.streams.info(catalog.streams.events.name)).state;
    const scansPerSecond = Math.round(scans / endToEndSeconds);
    say(`  ${formatCount(scansPerSecond)} scans/s end to end (${round(endToEndSeconds, 1)} s)`);

    // 4. Memory, then the state.
    const usedAfterScansBytes = await usedMemoryBytes(redis);
    const sampleSlot = keys.ballot(`${mailerId}:${serialOf(0)}`);
    // A bucket of a hundred ballots (and of a hundred ids), its cost per entry.
    const bucketBytes = async ([bucket]: readonly [string, string]) => {
      const [bytes, entries] = await Promise.all([redis.memory("USAGE", bucket), redis.hlen(bucket)]);
      return { bucketBytes: bytes, entries, bytesPerEntry: Math.round(Number(bytes) / Math.max(1, entries)) };
    };
    const sampleKeyBytes = {
      ballots: await bucketBytes(sampleSlot),
      ballotIds: await bucketBytes(keys.ballotId(`B${serialOf(0)}`)),
      voterBallots: await bucketBytes(keys.voterBallots(`V${serialOf(0)}`)),
      encoding: await redis.object("ENCODING", sampleSlot[0]),
    };
    const sampleValue = await redis.hget(...sampleSlot);
    say("verifying Redis state");
    const countyCounts = await verifyCountyCounts(redis, keys);
    const sampledBallots = await verifySampledBallots(redis, keys, 1_000);
    const statusEvents = {
      published: (await connection.jsm.streams.info(catalog.streams.statusChanges.name)).state.messages,
      expected: expectedStatusChanges(),
    };
    const deadLetters = (await connection.jsm.streams.info(catalog.streams.deadLetters.name)).state.messages;
    const scansIn = scanCounts.accepted === scans && scanCounts.rejected === 0 && scanCounts.foreign === 0;
    const ballotsIn = loadCounts.accepted === ballots && loadCounts.rejected === 0;

    say(
      `steady rate: ${formatCount(steadyScans)} scans at ${formatCount(steadyRate)} scans/s in batches of ${steadyBatchRecords}`,
    );
    const steady = await measureSteadyLatency(redisUrl, redis, keys, ingestUrl);
    await waitForDrained(connection, trackerConsumer, trackers, behindLine);

    const bytesPerBallot = Math.round((usedAfterScansBytes - usedBeforeBytes) / ballots);
    const verified = {
      ok:
        ballotsIn &&
        scansIn &&
        countyCounts.ok &&
        sampledBallots.mismatches.length === 0 &&
        statusEvents.published >= ballots &&
        statusEvents.published <= statusEvents.expected &&
        deadLetters === 0 &&
        steady.missing === 0 &&
        steady.asOfMismatches === 0 &&
        steady.counts.accepted === steadyScans,
      ballotsAccepted: ballotsIn,
      scansAccepted: scansIn,
      countyCounts,
      sampledBallots,
      statusEvents,
      deadLetters,
    };
    const report = {
      tool: "node fetch (undici, keep-alive) + Redis keyspace notifications",
      scenario: `POST /v1/counties/${county}/ballots then /v1/feeds/${feed}/ivmtr, ${formatCount(batchRecords)} records per request, ${connections} connections, services at LOG_LEVEL=warn`,
      machine: {
        cpus: availableParallelism(),
        node: process.version,
        servers: `nats-server, redis-server, ingest, ${trackerCount} tracker(s) and this client`,
        loadAverageAtStart: startLoadAverage,
        loadAverageAtEnd: round(loadavg()[0] ?? 0, 2),
      },
      ballots,
      scans,
      batchRecords,
      connections,
      trackers: trackerCount,
      load: {
        ballots,
        counts: loadCounts,
        seconds: round(loadSeconds, 2),
        ballotsPerSecond: Math.round(ballots / loadSeconds),
      },
      endToEnd: {
        seconds: round(endToEndSeconds, 2),
        scansPerSecond,
        ingestSeconds: round(pushSeconds, 2),
        ingestScansPerSecond: Math.round(scans / pushSeconds),
        counts: scanCounts,
        chunks: eventsAfter.messages - eventsBefore.messages,
        averageScansPerChunk: round(scans / Math.max(1, eventsAfter.messages - eventsBefore.messages), 1),
        cpuSeconds,
        cpuMicrosecondsPerScan,
        cpuBoundScansPerSecond,
        redisPerScan,
      },
      steady,
      memory: {
        usedBeforeBallotsBytes: usedBeforeBytes,
        usedAfterBallotsBytes: usedAfterLoadBytes,
        usedAfterScansBytes: usedAfterScansBytes,
        bytesPerBallot,
        bytesPerBallotIssued: Math.round((usedAfterLoadBytes - usedBeforeBytes) / ballots),
        sampleKeyBytes,
        sampleBallotValue: sampleValue,
        redisConfig,
      },
      ceilings: { jetStreamConsumeAck: consumeAck, redisPipelinedWrites: redisWrites },
      ratios: {
        scansToJetStreamConsumeAck: round(scansPerSecond / Math.max(1, consumeAck.messagesPerSecond), 2),
        scansToRedisWrites: round(scansPerSecond / Math.max(1, redisWrites.ballotsPerSecond), 2),
      },
      verified,
      targets: {
        scansPerSecond: {
          target: targets.scansPerSecond,
          value: scansPerSecond,
          met: scansPerSecond >= targets.scansPerSecond,
        },
        p99LatencyMs: {
          target: targets.p99LatencyMs,
          value: steady.latencyMs.p99,
          met: steady.missing === 0 && steady.latencyMs.p99 <= targets.p99LatencyMs,
        },
        bytesPerBallot: {
          target: targets.bytesPerBallot,
          value: bytesPerBallot,
          met: bytesPerBallot <= targets.bytesPerBallot,
        },
      },
    };
    if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else printReport(report);
    if (!verified.ok) process.exitCode = 1;
  } finally {
    await started.stopAll();
  }
}

function printReport(report: {
  ballots: number;
  scans: number;
  trackers: number;
  machine: { cpus: number; loadAverageAtStart: number; loadAverageAtEnd: number };
  load: { ballotsPerSecond: number; seconds: number };
  endToEnd: {
    seconds: number;
    scansPerSecond: number;
    ingestScansPerSecond: number;
    averageScansPerChunk: number;
    chunks: number;
    cpuSeconds: Record<string, number | null>;
    cpuMicrosecondsPerScan: Record<string, number | null>;
    cpuBoundScansPerSecond: number;
    redisPerScan: { commands: number; inputBytes: number; outputBytes: number; socketReads: number };
  };
  steady: {
    targetScansPerSecond: number;
    achievedScansPerSecond: number;
    scans: number;
    measured: number;
    missing: number;
    latencyMs: { p50: number; p90: number; p99: number; max: number };
  };
  memory: { bytesPerBallot: number; bytesPerBallotIssued: number; sampleKeyBytes: Record<string, unknown> };
  ceilings: {
    jetStreamConsumeAck: { messagesPerSecond: number; messages: number };
    redisPipelinedWrites: { ballotsPerSecond: number; ballots: number };
  };
  ratios: { scansToJetStreamConsumeAck: number; scansToRedisWrites: number };
  verified: {
    ok: boolean;
    countyCounts: { ok: boolean };
    sampledBallots: { sampled: number; mismatches: unknown[] };
    statusEvents: { published: number; expected: number };
    deadLetters: number;
  };
  targets: Record<string, { target: number; value: number; met: boolean }>;
}) {
  const { endToEnd, steady, memory, ceilings, ratios, verified, targets: goals } = report;
  const met = (goal: { met: boolean } | undefined) => (goal?.met ? "met" : "NOT met");
  const cpu = Object.entries(endToEnd.cpuSeconds)
    .map(([name, seconds]) => `${name} ${seconds ?? "?"} s (${endToEnd.cpuMicrosecondsPerScan[name] ?? "?"} us/scan)`)
    .join(", ");
  const lines = [
    "",
    `pipeline: ${formatCount(report.scans)} scans over ${formatCount(report.ballots)} ballots, ingest -> JetStream -> tracker (${report.trackers} on one consumer) -> Redis`,
    `  ballots loaded            ${formatCount(report.load.ballotsPerSecond).padStart(9)} ballots/s  (${report.load.seconds} s, county records to Redis state)`,
    `  end to end                ${formatCount(endToEnd.scansPerSecond).padStart(9)} scans/s    (${endToEnd.seconds} s until the tracker had nothing pending; ingest alone ${formatCount(endToEnd.ingestScansPerSecond)}/s; ${formatCount(endToEnd.chunks)} messages, ${endToEnd.averageScansPerChunk} scans each)`,
    `  raw JetStream consume+ack ${formatCount(ceilings.jetStreamConsumeAck.messagesPerSecond).padStart(9)} messages/s (ratio ${ratios.scansToJetStreamConsumeAck.toFixed(2)})`,
    `  raw Redis HSET+EXPIRE     ${formatCount(ceilings.redisPipelinedWrites.ballotsPerSecond).padStart(9)} ballots/s  (ratio ${ratios.scansToRedisWrites.toFixed(2)})`,
    `  CPU during the scans      ${cpu}`,
    `  CPU-bound rate            ${formatCount(endToEnd.cpuBoundScansPerSecond).padStart(9)} scans/s    (${report.machine.cpus} cores / CPU time per scan of all five processes; load average ${report.machine.loadAverageAtStart} at start, ${report.machine.loadAverageAtEnd} at end)`,
    `  Redis per scan            ${endToEnd.redisPerScan.commands} commands, ${endToEnd.redisPerScan.inputBytes} bytes in, ${endToEnd.redisPerScan.outputBytes} bytes out, ${endToEnd.redisPerScan.socketReads} socket reads`,
    `  steady ${formatCount(steady.targetScansPerSecond)} scans/s      achieved ${formatCount(steady.achievedScansPerSecond)}/s; scan to state p50 ${steady.latencyMs.p50} ms, p90 ${steady.latencyMs.p90} ms, p99 ${steady.latencyMs.p99} ms, max ${steady.latencyMs.max} ms (${formatCount(steady.measured)} of ${formatCount(steady.scans)} seen, ${steady.missing} missing)`,
    `  Redis memory              ${formatCount(memory.bytesPerBallot).padStart(9)} bytes/ballot (used_memory delta / ballots; ${memory.bytesPerBallotIssued} when only issued; samples: ${JSON.stringify(memory.sampleKeyBytes)})`,
    `  verified                  ${verified.ok ? "yes" : "NO"}: county counts ${verified.countyCounts.ok ? "match" : "MISMATCH"}, ${verified.sampledBallots.sampled - verified.sampledBallots.mismatches.length} / ${verified.sampledBallots.sampled} sampled ballots match, ${formatCount(verified.statusEvents.published)} status events (at most ${formatCount(verified.statusEvents.expected)}), ${verified.deadLetters} dead letters`,
    `  targets                   ${formatCount(goals.scansPerSecond?.target ?? 0)} scans/s: ${met(goals.scansPerSecond)}; p99 <= ${goals.p99LatencyMs?.target} ms: ${met(goals.p99LatencyMs)}; <= ${goals.bytesPerBallot?.target} bytes/ballot: ${met(goals.bytesPerBallot)}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
