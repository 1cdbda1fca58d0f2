// pnpm bench:ingest [--records N] [--batch-records N] [--connections C] [--raw-messages N] [--json]
//
// Starts a nats-server of its own (JetStream, file storage) and the ingest app as its own process (as in production),
// then measures, in one run on this machine:
//   1. the raw JetStream ceiling for one message per record: realistic scan messages (about 400 bytes) with a
//      content-derived Nats-Msg-Id, published from one Node process with up to 1,024 acknowledgements in flight;
//   2. ingest: N generated IV-MTR push events (1,000,000 by default) POSTed to /v1/feeds/bench/ivmtr in batches of
//      2,000 over 4 keep-alive connections. Ingest parses, normalises, checks and publishes them in chunks.
// It prints records/s accepted into JetStream (verified at the end by reading every stored chunk back and counting
// its scans), the raw rate and their ratio, and the ingest process's memory (RSS at start, middle and end, and peak).
// Redis is not started: ingest does not use it.
import { availableParallelism } from "node:os";
import {
  connectJetStream,
  contentMessageId,
  ensureStreams,
  type JetStreamConnection,
  JetStreamPublisher,
} from "@ballot/adapters";
import { createCatalog, type StreamSpec, type Subject, type UspsScan, uspsScanSchema } from "@ballot/contracts";
import { type LocalServer, type ServiceProcess, startNatsServer, startService } from "@ballot/local-stack";
import { services } from "@ballot/local-stack/paths";
import {
  benchArgs,
  createStartedList,
  formatCount,
  imbOf,
  ivmtrEventJson,
  outboundScanStages,
  percentileOf,
  round,
  rssOf,
  type ScanStage,
  say,
  scanEpochMs,
} from "./bench-support.ts";

const namespace = "bench";
const feed = "bench";
const feedToken = "bench-feed-token-0123456789";
const targetRecordsPerSecond = 30_000;

const args = benchArgs(import.meta.url, {
  records: { type: "string", default: "1000000" },
  "batch-records": { type: "string", default: "2000" },
  connections: { type: "string", default: "4" },
  "raw-messages": { type: "string" },
  json: { type: "boolean", default: false },
});
const records = Number(args.records);
const batchRecords = Number(args["batch-records"]);
const connections = Number(args.connections);
const rawMessages = args["raw-messages"] === undefined ? Math.min(100_000, records) : Number(args["raw-messages"]);
for (const [name, value] of Object.entries({ records, "batch-records": batchRecords, connections, rawMessages })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
}

// ---------------------------------------------------------------------------------------------------------------
// Scan events: a county's outbound ballots moving through the mail, five scans a piece (`outboundScanStages`), the
// feed sending one stage of many pieces at a time; one piece in 200 is another mailer's.

function eventJson(index: number, pieces: number): string {
  const step = Math.floor(index / pieces) % outboundScanStages.length;
  const piece = index % pieces;
  const stid = piece % 200 === 199 ? "300" : "720";
  const stage = outboundScanStages[step] as ScanStage;
  return ivmtrEventJson(imbOf(stid, "314159", piece), piece, stage, { expectedDeliveryDate: "2026-10-08" });
}

function batchBody(batch: number, pieces: number): { body: string; count: number } {
  const first = batch * batchRecords;
  const count = Math.min(batchRecords, records - first);
  const events: string[] = new Array(count);
  for (let offset = 0; offset < count; offset += 1) events[offset] = eventJson(first + offset, pieces);
  return { body: `{"msgGrpId":"bench-${batch}","events":[${events.join(",")}]}`, count };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Raw JetStream: one message per record, with its content id, a sliding window of acknowledgements in flight.

async function measureRawJetStream(connection: JetStreamConnection, messages: number) {
  const spec: StreamSpec = {
    name: "BENCH_RAW",
    subjects: ["bench-raw.>"],
    maxAgeMs: 2 * 86_400_000,
    duplicateWindowMs: 2 * 86_400_000,
  };
  await ensureStreams(connection.jsm, [spec]);
  const publisher = new JetStreamPublisher(connection);
  const subject: Subject<typeof uspsScanSchema> = { name: "bench-raw.scan", schema: uspsScanSchema };
  const pieces = Math.ceil(messages / outboundScanStages.length);
  const scanAt = (index: number): UspsScan => {
    const event = JSON.parse(eventJson(index, pieces)) as Record<string, string>;
    return {
      imb: event.imb as string,
      mailerId: "314159",
      serialNumber: (event.imb as string).slice(11, 20),
      serviceTypeId: "720",
      direction: "outbound",
      milestone: "in_transit",
      occurredAt: new Date(scanEpochMs + index * 1_000).toISOString(),
      rawTimestamp: event.scanDatetime as string,
      scanEventCode: event.scanEventCode as string,
      mailPhase: event.mailPhase as string,
      facilityZip: "95813",
      facilityLocaleKey: "L95813",
      expectedDeliveryDate: "2026-10-08",
      feed,
    };
  };
  const inFlightMax = 1_024;
  const inFlight = new Set<Promise<unknown>>();
  let duplicates = 0;
  const startedAt = performance.now();
  for (let index = 0; index < messages; index += 1) {
    const scan = scanAt(index);
    const sent = publisher
      .publish(subject, scan, contentMessageId(scan.imb, scan.occurredAt, scan.scanEventCode ?? ""))
      .then((outcome) => {
        if (outcome.duplicate) duplicates += 1;
      });
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
    if (inFlight.size >= inFlightMax) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - startedAt) / 1000;
  const stored = (await connection.jsm.streams.info(spec.name)).state.messages;
  await connection.jsm.streams.delete(spec.name);
  return {
    messages,
    stored,
    duplicates,
    seconds: round(seconds, 2),
    messagesPerSecond: Math.round(messages / seconds),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Ingest over HTTP.

interface Counts {
  accepted: number;
  duplicate: number;
  rejected: number;
  foreign: number;
}

async function pushThroughIngest(url: string, ingestPid: number | undefined) {
  const pieces = Math.max(1, Math.ceil(records / outboundScanStages.length));
  const batches = Math.ceil(records / batchRecords);
  const counts: Counts = { accepted: 0, duplicate: 0, rejected: 0, foreign: 0 };
  const latenciesMs: number[] = [];
  // Idle: before any request. Start: once a tenth of the records is in (buffers and JIT warmed up). Flat memory
  // means start, middle and end agree.
  const memory: { idle: number | null; start: number | null; middle: number | null; end: number | null } = {
    idle: (await rssOf(ingestPid))?.rssMb ?? null,
    start: null,
    middle: null,
    end: null,
  };
  /** RSS about once a second, by records sent: flat memory is a flat line here. */
  const rssSamples: { records: number; rssMb: number }[] = [];
  let nextBatch = 0;
  let sent = 0;
  let failures = 0;
  const startedAt = performance.now();
  let lastReportMs = startedAt;
  const endpoint = `${url}/v1/feeds/${feed}/ivmtr`;
  const worker = async () => {
    while (nextBatch < batches) {
      const batch = nextBatch;
      nextBatch += 1;
      const { body, count } = batchBody(batch, pieces);
      const requestStartMs = performance.now();
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { authorization: `Bearer ${feedToken}`, "content-type": "application/json" },
        body,
      });
      const text = await response.text();
      latenciesMs.push(performance.now() - requestStartMs);
      if (!response.ok) {
        failures += 1;
        throw new Error(`ingest answered ${response.status}: ${text.slice(0, 300)}`);
      }
      const answer = JSON.parse(text) as Counts;
      counts.accepted += answer.accepted;
      counts.duplicate += answer.duplicate;
      counts.rejected += answer.rejected;
      counts.foreign += answer.foreign;
      const before = sent;
      sent += count;
      if (before < records / 10 && sent >= records / 10) memory.start = (await rssOf(ingestPid))?.rssMb ?? null;
      if (before < records / 2 && sent >= records / 2) memory.middle = (await rssOf(ingestPid))?.rssMb ?? null;
      const nowMs = performance.now();
      if (nowMs - lastReportMs >= 1_000) {
        lastReportMs = nowMs;
        const rate = sent / ((nowMs - startedAt) / 1000);
        const rss = await rssOf(ingestPid);
        if (rss) rssSamples.push({ records: sent, rssMb: rss.rssMb });
        say(
          `  ${formatCount(sent)} / ${formatCount(records)} records, ${formatCount(rate)} records/s${rss ? `, ingest RSS ${rss.rssMb} MiB` : ""}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(connections, batches) }, worker));
  const seconds = (performance.now() - startedAt) / 1000;
  const rss = await rssOf(ingestPid);
  memory.end = rss?.rssMb ?? null;
  memory.start ??= memory.end;
  memory.middle ??= memory.end;
  latenciesMs.sort((a, b) => a - b);
  const percentile = (share: number) => percentileOf(latenciesMs, share);
  return {
    seconds,
    counts,
    failures,
    batches,
    batchLatencyMs: { p50: percentile(0.5), p99: percentile(0.99), max: percentile(1) },
    memory,
    rssSamples,
    peakRssMb: rss?.peakMb ?? null,
  };
}

/** Reads a stream back from the start and counts the scans in its chunks. */
async function countStoredScans(connection: JetStreamConnection, stream: string) {
  const info = await connection.jsm.streams.info(stream);
  if (info.state.messages === 0) return { chunks: 0, scans: 0, bytes: 0 };
  const consumer = await connection.js.consumers.get(stream);
  const messages = await consumer.consume({ max_messages: 512 });
  let scans = 0;
  for await (const message of messages) {
    scans += message.json<{ scans: unknown[] }>().scans.length;
    if (message.info.pending === 0) break;
  }
  await messages.close();
  return { chunks: info.state.messages, scans, bytes: info.state.bytes };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const started = createStartedList();
  const stopAll = started.stopAll;
  try {
    const nats: LocalServer = await startNatsServer();
    started.add(nats);
    say(`nats-server ${nats.url} (pid ${nats.pid}), JetStream with file storage`);
    const connection = await connectJetStream(nats.url, "bench-ingest");
    started.add({ stop: () => connection.close() });
    const catalog = createCatalog(namespace);
    await ensureStreams(connection.jsm, Object.values(catalog.streams));

    say(`raw JetStream: ${formatCount(rawMessages)} messages, one per record, with content ids`);
    const raw = await measureRawJetStream(connection, rawMessages);
    say(`  ${formatCount(raw.messagesPerSecond)} messages/s (${raw.seconds} s)`);

    const ingest: ServiceProcess = await startService({
      name: "ingest",
      ...services.ingest,
      env: {
        NATS_URL: nats.url,
        NAMESPACE: namespace,
        LOG_LEVEL: "warn",
        INGEST_PORT: "0",
        FEED_TOKENS: `${feed}=${feedToken}`,
        COUNTY_TOKENS: "",
        IDENTITY_HASH_KEY: "bench-identity-hash-key-0123456789abcdef",
      },
    });
    started.add(ingest);
    say(
      `ingest ${ingest.url} (pid ${ingest.pid}); pushing ${formatCount(records)} records in batches of ${formatCount(batchRecords)} over ${connections} connections`,
    );
    const pushed = await pushThroughIngest(ingest.url as string, ingest.pid);
    const storedOurs = await countStoredScans(connection, catalog.streams.events.name);
    const storedForeign = await countStoredScans(connection, catalog.streams.foreign.name);
    const intoJetStream = pushed.counts.accepted + pushed.counts.foreign;
    const verified = storedOurs.scans === pushed.counts.accepted && storedForeign.scans === pushed.counts.foreign;
    const acceptedPerSecond = Math.round(intoJetStream / pushed.seconds);
    const report = {
      tool: "node fetch (undici, keep-alive)",
      scenario: `POST /v1/feeds/${feed}/ivmtr: IV-MTR push events, ${formatCount(batchRecords)} per request, ${connections} connections`,
      machine: { cpus: availableParallelism(), node: process.version, servers: "nats-server, ingest and this client" },
      records,
      batchRecords,
      connections,
      durationSeconds: round(pushed.seconds, 2),
      acceptedPerSecond,
      counts: pushed.counts,
      verified: {
        ok: verified && pushed.failures === 0,
        eventStream: storedOurs,
        foreignStream: storedForeign,
        averageScansPerMessage: round(
          (storedOurs.scans + storedForeign.scans) / Math.max(1, storedOurs.chunks + storedForeign.chunks),
          1,
        ),
      },
      batchLatencyMs: pushed.batchLatencyMs,
      rawJetStream: raw,
      ratio: round(acceptedPerSecond / Math.max(1, raw.messagesPerSecond), 2),
      memory: {
        ingestRssIdleMb: pushed.memory.idle,
        ingestRssStartMb: pushed.memory.start,
        ingestRssMiddleMb: pushed.memory.middle,
        ingestRssEndMb: pushed.memory.end,
        ingestPeakRssMb: pushed.peakRssMb,
        ingestGrowthStartToEndMb:
          pushed.memory.start === null || pushed.memory.end === null
            ? null
            : round(pushed.memory.end - pushed.memory.start, 1),
        ingestRssSamples: pushed.rssSamples,
        benchPeakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
      },
      target: { acceptedPerSecond: targetRecordsPerSecond, met: acceptedPerSecond >= targetRecordsPerSecond },
    };
    if (args.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      printReport(report);
    }
    if (!report.verified.ok) process.exitCode = 1;
  } finally {
    await stopAll();
  }
}

function printReport(report: {
  records: number;
  durationSeconds: number;
  acceptedPerSecond: number;
  counts: Counts;
  verified: { ok: boolean; eventStream: { chunks: number; scans: number }; averageScansPerMessage: number };
  batchLatencyMs: { p50: number; p99: number };
  rawJetStream: { messagesPerSecond: number; messages: number };
  ratio: number;
  memory: Record<string, unknown>;
  target: { acceptedPerSecond: number; met: boolean };
}) {
  const { counts, memory } = report;
  const lines = [
    "",
    `ingest, ${formatCount(report.records)} IV-MTR records over HTTP in ${report.durationSeconds} s`,
    `  accepted into JetStream  ${formatCount(report.acceptedPerSecond).padStart(9)} records/s   (${formatCount(counts.accepted)} accepted, ${formatCount(counts.foreign)} foreign, ${counts.duplicate} duplicate, ${counts.rejected} rejected)`,
    `  raw JetStream publish    ${formatCount(report.rawJetStream.messagesPerSecond).padStart(9)} messages/s  (one per record, ${formatCount(report.rawJetStream.messages)} messages)`,
    `  ratio                    ${report.ratio.toFixed(2).padStart(9)}`,
    `  stored                   ${formatCount(report.verified.eventStream.scans)} scans in ${formatCount(report.verified.eventStream.chunks)} messages (${report.verified.averageScansPerMessage} per message): ${report.verified.ok ? "verified" : "MISMATCH"}`,
    `  batch latency            p50 ${report.batchLatencyMs.p50} ms, p99 ${report.batchLatencyMs.p99} ms`,
    `  ingest memory (RSS)      idle ${memory.ingestRssIdleMb} MiB; at 10% ${memory.ingestRssStartMb} MiB, 50% ${memory.ingestRssMiddleMb} MiB, end ${memory.ingestRssEndMb} MiB; peak ${memory.ingestPeakRssMb} MiB`,
    `  target                   ${formatCount(report.target.acceptedPerSecond)} records/s: ${report.target.met ? "met" : "NOT met"}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
