// What the Node benchmark runners share: output helpers, the generated IV-MTR push events, process memory, and the
// list of what a run started so that every exit path stops it.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Redis, serveHttp } from "@ballot/adapters";
import { reportWorkerListening, runApiPrimary } from "@ballot/api/cluster";
import { memoized } from "@ballot/core";
import { announceReady, type Logger } from "@ballot/runtime";
import type { Hono } from "hono";

export const say = (line: string) => process.stderr.write(`${line}\n`);
export const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
export const formatCount = (value: number) => Math.round(value).toLocaleString("en-US");

/** The value at `share` (0..1) of an ascending list; 0 for an empty one. */
export function percentileOf(sortedAscending: readonly number[], share: number, digits = 1): number {
  return round(sortedAscending[Math.floor(share * (sortedAscending.length - 1))] ?? 0, digits);
}

/**
 * A runner's command line: `options` as for node:util's parseArgs, plus `--help`, which prints the runner's usage (the
 * comment at the head of the file at `runnerUrl`, its import.meta.url) and exits. A mistyped or unknown option says
 * what was wrong, then the usage, and exits with 2, instead of a stack trace.
 */
export function benchArgs<Options extends NonNullable<ParseArgsConfig["options"]>>(
  runnerUrl: string,
  options: Options,
): ReturnType<typeof parseArgs<{ options: Options }>>["values"] {
  const usage = () => {
    const lines = readFileSync(fileURLToPath(runnerUrl), "utf8").split("\n");
    const end = lines.findIndex((line) => !line.startsWith("//"));
    return lines
      .slice(0, end < 0 ? lines.length : end)
      .map((line) => line.replace(/^\/\/ ?/, ""))
      .join("\n");
  };
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    process.stdout.write(`${usage()}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage()}\n`);
    process.exit(2);
  }
}

/** Parses a `--name` option as a positive whole number (or a positive number when `fractional`), or throws. */
export function positiveOption(name: string, text: string | undefined, fallback: number, fractional = false): number {
  const value = text === undefined ? fallback : Number(text);
  const isValid = fractional ? Number.isFinite(value) && value > 0 : Number.isInteger(value) && value >= 1;
  if (!isValid) throw new Error(`--${name} must be a positive ${fractional ? "number" : "whole number"}`);
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// IV-MTR push events (camelCase), as a USPS feed sends them. Times are Pacific daylight time (October): half the
// plant scans carry the offset, half are facility-local (ingest then takes the zone from the facility ZIP); logical
// delivery events have no facility and always carry the offset.

export interface ScanStage {
  readonly phase: string;
  readonly handling: string;
  readonly opcode: string;
  /** Facility ZIP; empty for logical events. */
  readonly zip: string;
  /** Hours after the piece's start time. */
  readonly hour: number;
}

/** An outbound piece's trip: origin plant to the voter's mailbox, five scans. */
export const outboundScanStages: readonly ScanStage[] = [
  { phase: "Phase 1a - Origin Primary Processing", handling: "Physical", opcode: "271", zip: "95813", hour: 2 },
  { phase: "Phase 2c - Destination Primary Processing", handling: "Physical", opcode: "291", zip: "95813", hour: 20 },
  {
    phase: "Phase 3c - Destination Sequenced Carrier Sortation",
    handling: "Physical",
    opcode: "919",
    zip: "95616",
    hour: 28,
  },
  { phase: "Phase 4c - Delivery", handling: "Logical Out for Delivery Event", opcode: "LOF", zip: "", hour: 32 },
  { phase: "Phase 4c - Delivery", handling: "Logical Delivery Event", opcode: "LDE", zip: "", hour: 37 },
];

/** The start of every generated piece's trip; pieces spread over the following 12 hours by their number. */
export const scanEpochMs = Date.UTC(2026, 9, 6, 9);
const pacificOffsetMs = 7 * 3_600_000;
const two = (value: number) => String(value).padStart(2, "0");

/** When a piece's stage happens: its start (one minute apart, over 12 hours) plus the stage's hour. */
export const stageAtMs = (piece: number, stage: ScanStage): number =>
  scanEpochMs + (piece % 720) * 60_000 + stage.hour * 3_600_000;

/** A 31-digit IMb (20 tracking digits, 11 routing digits) of a piece, barcode id 00. */
export function imbOf(stid: string, mailerId: string, piece: number, deliveryZip = "95616"): string {
  const serial = String(piece).padStart(15 - mailerId.length, "0");
  return `00${stid}${mailerId}${serial}${deliveryZip}${String(piece % 10_000).padStart(4, "0")}${two(piece % 97)}`;
}

// Scan times repeat (a piece's start is one of 720 minutes): each is formatted once, so that the client making the
// load spends the machine's cores on as little as it can.
const pacificTimeOf = memoized((atMs: number): string => {
  const pacific = new Date(atMs - pacificOffsetMs);
  return `${pacific.getUTCFullYear()}-${two(pacific.getUTCMonth() + 1)}-${two(pacific.getUTCDate())} ${two(pacific.getUTCHours())}:${two(pacific.getUTCMinutes())}:00`;
}, 100_000);

/** One IV-MTR push event of a piece at one stage. */
export function ivmtrEventJson(
  imb: string,
  piece: number,
  stage: ScanStage,
  options: { expectedDeliveryDate?: string } = {},
): string {
  const local = pacificTimeOf(stageAtMs(piece, stage));
  const withOffset = stage.zip === "" || piece % 2 === 0;
  const timestamp = withOffset ? `${local.replace(" ", "T")}-07:00` : local;
  const facility = stage.zip ? `,"scanFacilityZip":"${stage.zip}","scanFacilityLocaleKey":"L${stage.zip}"` : "";
  const expected = options.expectedDeliveryDate ? `,"expectedDeliveryDate":"${options.expectedDeliveryDate}"` : "";
  return `{"imb":"${imb}","scanDatetime":"${timestamp}","scanEventCode":"${stage.opcode}","mailPhase":"${stage.phase}","handlingEventTypeDescription":"${stage.handling}"${facility}${expected},"mailClassDescription":"First-Class Mail","mailShapeDescription":"Letter"}`;
}

// ---------------------------------------------------------------------------------------------------------------

/** Memory of a process, from /proc (Linux); null elsewhere. */
export async function rssOf(pid: number | undefined): Promise<{ rssMb: number; peakMb: number } | null> {
  if (pid === undefined) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? "0");
    return { rssMb: round(kib("VmRSS") / 1024, 1), peakMb: round(kib("VmHWM") / 1024, 1) };
  } catch {
    return null;
  }
}

/** What a run started, stopped in reverse order on every way out, Ctrl-C included. */
export function createStartedList() {
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const item of started.splice(0).reverse()) await item.stop().catch(() => {});
  };
  process.once("SIGINT", () => {
    void stopAll().then(() => process.exit(130));
  });
  return {
    add<Item extends { stop(): Promise<void> }>(item: Item): Item {
      started.push(item);
      return item;
    },
    stopAll,
  };
}

/**
 * Serves a benchmark's bare ceiling endpoint (Hono and one Redis read) as a child process: says where it listens the
 * way the services do, and leaves on SIGTERM once its connections are closed.
 */
export async function serveBareCeiling(app: Hono, redis: Redis, log: Logger): Promise<void> {
  const server = await serveHttp(app, { port: 0 });
  process.once("SIGTERM", () => {
    void server.close().then(() => {
      redis.disconnect();
      process.exit(0);
    });
  });
  if (cluster.isWorker) reportWorkerListening(server.url);
  else announceReady(log, { url: server.url }, "bare listening");
}

/**
 * The bare ceiling with as many processes as the API under test (`API_WORKERS`), the same cluster code: true in
 * the primary, which only hands out connections; `serveBareCeiling` runs in each worker (this same file, forked).
 */
export function serveBareWorkers(workers: number, log: Logger): boolean {
  if (!cluster.isPrimary || workers <= 1) return false;
  const primary = runApiPrimary({ workers, log, workerEnv: {}, readyMessage: "bare listening" });
  process.once("SIGTERM", () => void primary.stop().then(() => process.exit(0)));
  return true;
}

/** How many answers of each HTTP status an autocannon run got (its `statusCodeStats`, which its types leave out). */
export function statusCountsOf(result: object): Record<string, number> {
  const stats = (result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  return Object.fromEntries(Object.entries(stats).map(([status, { count }]) => [status, count]));
}

/**
 * Loads Redis in pipelines with a few in flight at once (one on the wire while Redis works through the others):
 * `send` waits only when `maxInFlight` are out, `drain` waits for the rest. A pipeline with a failed command fails.
 */
export function pipelineWindow(maxInFlight = 4) {
  const inFlight = new Set<Promise<unknown>>();
  return {
    async send(pipeline: ReturnType<Redis["pipeline"]>): Promise<void> {
      const sent = pipeline.exec().then((results) => {
        const failed = results?.find(([error]) => error);
        if (failed) throw failed[0];
      });
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent)).catch(() => {});
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    },
    drain: (): Promise<unknown> => Promise.all(inFlight),
  };
}
