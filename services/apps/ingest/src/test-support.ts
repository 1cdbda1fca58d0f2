// Shared by ingest's integration tests: the app wired as main.ts wires it, on the test's namespace.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createIdentityHasher, JetStreamPublisher } from "@ballot/adapters";
import type { UspsScan } from "@ballot/contracts";
import { createLogger } from "@ballot/runtime";
import type { TestNamespace } from "@ballot/testing";
import { createIngestApp, type IngestOptions } from "./app.ts";

export const feedToken = "feed-token-0123456789";
export const countyToken = "county-token-0123456789";

export const imbOf = (serial: number, stid = "720") => `00${stid}314159${String(serial).padStart(9, "0")}95616123456`;

/** An IV-MTR push event as the simulator writes it. */
export const pushEvent = (serial: number, hour = 10) => ({
  imb: imbOf(serial),
  scanDatetime: `2026-10-14T${String(hour).padStart(2, "0")}:12:00-07:00`,
  scanEventCode: "919",
  mailPhase: "Phase 3c - Destination Sequenced Carrier Sortation",
});

export function createTestIngest(ns: TestNamespace, options: Partial<IngestOptions> = {}) {
  return createIngestApp({
    publisher: new JetStreamPublisher(ns.jetstream),
    catalog: ns.catalog,
    feedTokens: new Map([["usps", feedToken]]),
    countyTokens: new Map([["06999", countyToken]]),
    mailerIds: new Set(),
    hashIdentity: createIdentityHasher("k".repeat(32)),
    maxBodyBytes: 64 * 1024,
    log: createLogger({ name: "ingest-test", level: "silent" }),
    ...options,
  });
}

export type TestIngest = ReturnType<typeof createTestIngest>;

/** POSTs with the feed's token on feed paths and the county's on county paths, unless headers say otherwise. */
export const post = async (
  app: TestIngest,
  path: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<Response> =>
  app.request(path, {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${path.includes("/feeds/") ? feedToken : countyToken}`, ...headers },
  });

export async function streamMessages(ns: TestNamespace, stream: string): Promise<number> {
  return (await ns.jetstream.jsm.streams.info(stream)).state.messages;
}

async function readStream<T>(ns: TestNamespace, stream: string): Promise<T[]> {
  const messages: T[] = [];
  const count = await streamMessages(ns, stream);
  for (let seq = 1; seq <= count; seq += 1) {
    const message = await ns.jetstream.jsm.streams.getMessage(stream, { seq });
    if (message) messages.push(message.json<T>());
  }
  return messages;
}

/** Every scan stored in a stream, unpacked from its chunks, in stream order. */
export async function storedScans(ns: TestNamespace, stream: string): Promise<UspsScan[]> {
  return (await readStream<{ scans: UspsScan[] }>(ns, stream)).flatMap((chunk) => chunk.scans);
}

export function deadLetters(ns: TestNamespace): Promise<{ source: string; reason: string; raw: string }[]> {
  return readStream(ns, ns.catalog.streams.deadLetters.name);
}

const execFileAsync = promisify(execFile);

export interface CliRun<Summary> {
  readonly code: number;
  /** The summary the command printed with --json, when it got that far. */
  readonly summary?: Summary;
  readonly stderr: string;
}

/** Runs one of ingest's commands (`src/cli/*.ts`) under this Node, with its exit code, --json summary and stderr. */
export async function runCli<Summary = Record<string, unknown>>(
  cli: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<CliRun<Summary>> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, ...(stdout ? { summary: JSON.parse(stdout) as Summary } : {}), stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return {
      code: failed.code,
      ...(failed.stdout ? { summary: JSON.parse(failed.stdout) as Summary } : {}),
      stderr: failed.stderr,
    };
  }
}
