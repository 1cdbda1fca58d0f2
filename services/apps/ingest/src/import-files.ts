import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { contentMessageId } from "@ballot/adapters";
import { type CountyRecordKind, detectJsonFormat, detectTextFormat, splitFeedRecords, squashKey } from "@ballot/core";

import { batchIdHeader } from "./batch-id.ts";

const gunzipAsync = promisify(gunzip);

/** Extensions a folder import picks up (plus the same with `.gz`); a file named on the command line is always read. */
export const feedFileExtensions = [".json", ".csv", ".psv", ".tsv", ".txt", ".pkg", ".dat"] as const;

/** Extensions a folder import of county files picks up (plus `.gz`). */
export const countyFileExtensions = [".csv", ".psv", ".tsv", ".txt"] as const;

/** What every import takes: where ingest is, the bearer token, what to read and how hard to push. */
interface ImportCommon {
  /** The ingest app's base URL, e.g. http://127.0.0.1:8081. */
  readonly url: string;
  readonly token: string;
  /** Files and folders (read recursively). */
  readonly paths: readonly string[];
  /** Records per request. */
  readonly batchRecords?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface ImportOptions extends ImportCommon {
  readonly feed: string;
}

export interface ImportProgress {
  readonly filesDone: number;
  readonly files: number;
  readonly records: number;
  readonly elapsedMs: number;
}

export interface FileProblem {
  readonly file: string;
  /** 1-based record number in the file, when the problem is one record's. */
  readonly record?: number;
  readonly reason: string;
}

export interface ImportSummary {
  files: number;
  records: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  foreign: number;
  /** Files that could not be sent or were refused whole. */
  readonly failedFiles: FileProblem[];
  /** The first rejected records, with where they are. */
  readonly rejections: FileProblem[];
  elapsedMs: number;
}

interface Batch {
  readonly file: string;
  /** The endpoint under the import's base path (`/v1/feeds/<feed>/`, `/v1/counties/<county>/`). */
  readonly route: string;
  readonly body: string;
  readonly contentType: string;
  /** Record number (0-based) of the batch's first record in its file. */
  readonly firstRecord: number;
  readonly records: number;
}

interface BatchAnswer {
  readonly accepted: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly foreign: number;
  readonly errors: readonly { index: number; reason: string }[];
}

const rejectionsReportedMax = 50;
const batchBytesMax = 8 * 1024 * 1024;

const hasExtension = (name: string, extensions: readonly string[]) =>
  !name.startsWith(".") && extensions.some((extension) => name.toLowerCase().replace(/\.gz$/, "").endsWith(extension));

/** Files named, and files with one of `extensions` under folders named (recursively, in name order, so runs repeat). */
async function collectFiles(paths: readonly string[], extensions: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string) => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith(".")) await walk(path);
      else if (entry.isFile() && hasExtension(entry.name, extensions)) files.push(path);
    }
  };
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) await walk(path);
    else files.push(path);
  }
  return files;
}

/** Feed files named, and feed files under folders named. */
export const collectFeedFiles = (paths: readonly string[]) => collectFiles(paths, feedFileExtensions);

async function readFeedFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzipped ? await gunzipAsync(bytes) : bytes).toString("utf8");
}

const textType = "text/plain; charset=utf-8";
const csvType = "text/csv; charset=utf-8";
const jsonType = "application/json";

type BatchPlace = Pick<Batch, "file" | "route" | "contentType"> & { readonly batchRecords: number };

/** Consecutive items in batches of at most `batchRecords` and about `batchBytesMax`, in order. */
function cutBatches<T>(
  place: BatchPlace,
  items: readonly T[],
  bodyOf: (slice: readonly T[]) => string,
  sizeOf: (item: T) => number,
): Batch[] {
  const { batchRecords, ...where } = place;
  const batches: Batch[] = [];
  for (let start = 0; start < items.length; ) {
    let end = start;
    let bytes = 0;
    while (end < items.length && end - start < batchRecords && (end === start || bytes < batchBytesMax)) {
      bytes += sizeOf(items[end] as T);
      end += 1;
    }
    batches.push({ ...where, body: bodyOf(items.slice(start, end)), firstRecord: start, records: end - start });
    start = end;
  }
  return batches;
}

/** Text records (rows of a delimited file, lines) in batches, each under the header row when there is one. */
function cutLines(place: BatchPlace, header: string | undefined, records: readonly string[]): Batch[] {
  const body = (slice: readonly string[]) => (header === undefined ? slice : [header, ...slice]).join("\n");
  return cutBatches(place, records, body, (record) => record.length + 1);
}

/**
 * Cuts a file into request bodies that each parse on their own, in a fixed way (so importing a file again sends the
 * same batches, which ingest finds to be duplicates): push JSON by events, pull JSON by pieces, delimited files by
 * rows under the repeated header, legacy files by lines. What cannot be cut (unreadable JSON, no header) goes whole,
 * so that ingest says why and keeps it in the dead letters.
 */
export function batchesOf(file: string, text: string, batchRecords: number): Batch[] {
  const whole: Batch[] = [{ file, route: "files", body: text, contentType: textType, firstRecord: 0, records: 0 }];
  const format = detectTextFormat(text, basename(file));
  if (!format.ok) return whole;
  const cut = <T>(
    items: readonly T[],
    route: string,
    bodyOf: (slice: readonly T[]) => string,
    sizeOf: (item: T) => number,
  ) => cutBatches({ file, route, contentType: jsonType, batchRecords }, items, bodyOf, sizeOf);
  if (format.value !== "json") {
    const { header, records } = splitFeedRecords(text, format.value);
    return cutLines(
      { file, route: `files?format=${format.value}`, contentType: textType, batchRecords },
      header,
      records,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return whole;
  }
  const shape = detectJsonFormat(json);
  if (!shape.ok) return whole;
  const wrapper = shape.value === "ivmtr-push" ? "events" : "data";
  const items = Object.entries(json as Record<string, unknown>).find(([key]) => squashKey(key) === wrapper)?.[1];
  // A pull response for one piece ({"data": {...}}) is small: it goes as it is.
  if (!Array.isArray(items)) {
    return [{ file, route: "ivmtr", body: text, contentType: jsonType, firstRecord: 0, records: 1 }];
  }
  const body = (slice: readonly unknown[]) => JSON.stringify({ [wrapper]: slice });
  return cut(items, "ivmtr", body, (item) => JSON.stringify(item)?.length ?? 4);
}

class RequestFailed extends Error {
  override readonly name = "RequestFailed";
}

async function send(basePath: string, token: string, batch: Batch, batchId?: string): Promise<BatchAnswer> {
  const url = `${basePath}/${batch.route}`;
  for (let attempt = 1; ; attempt += 1) {
    let retryable: string;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": batch.contentType,
          ...(batchId ? { [batchIdHeader]: batchId } : {}),
        },
        body: batch.body,
      });
      const text = await response.text();
      if (response.ok) return JSON.parse(text) as BatchAnswer;
      const message = (() => {
        try {
          return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
        } catch {
          return text;
        }
      })();
      // Re-sending is safe (content-derived message ids), so only refusals are final.
      if (response.status < 500 && response.status !== 429) throw new RequestFailed(`${response.status}: ${message}`);
      retryable = `${response.status}: ${message}`;
    } catch (error) {
      if (error instanceof RequestFailed) throw error;
      retryable = (error as Error).message;
    }
    if (attempt >= 6) throw new RequestFailed(`gave up after ${attempt} attempts: ${retryable}`);
    await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
  }
}

/** How one kind of import finds its files, cuts them into batches and where it posts them. */
interface ImportPlan {
  readonly files: readonly string[];
  /** The endpoint the batches' routes are under, e.g. http://127.0.0.1:8081/v1/feeds/usps. */
  readonly basePath: string;
  readonly batchesOf: (file: string, text: string) => Batch[];
  /** Every request of a file names the same batch (`X-Batch-Id`); otherwise each request is its own batch. */
  readonly batchPerFile?: boolean;
}

/** Reads, cuts and posts every file of a plan, `concurrency` requests at a time, adding up ingest's answers. */
async function runImport(options: ImportCommon, plan: ImportPlan): Promise<ImportSummary> {
  const concurrency = options.concurrency ?? 4;
  const startedAt = performance.now();
  const { files } = plan;
  const summary: ImportSummary = {
    files: files.length,
    records: 0,
    accepted: 0,
    duplicate: 0,
    rejected: 0,
    foreign: 0,
    failedFiles: [],
    rejections: [],
    elapsedMs: 0,
  };
  const report = (filesDone: number) =>
    options.onProgress?.({
      filesDone,
      files: files.length,
      records: summary.records,
      elapsedMs: performance.now() - startedAt,
    });
  let filesDone = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFeedFile(file);
    } catch (error) {
      summary.failedFiles.push({ file, reason: (error as Error).message });
      filesDone += 1;
      continue;
    }
    const batches = plan.batchesOf(file, text);
    // One batch per county file, however many requests carry it: the safety hold judges the upload as a whole.
    const batchId = plan.batchPerFile ? contentMessageId("import", plan.basePath, text) : undefined;
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (next < batches.length && !failed) {
        const batch = batches[next] as Batch;
        next += 1;
        try {
          const answer = await send(plan.basePath, options.token, batch, batchId);
          const records = answer.accepted + answer.duplicate + answer.rejected + answer.foreign;
          summary.records += records;
          summary.accepted += answer.accepted;
          summary.duplicate += answer.duplicate;
          summary.rejected += answer.rejected;
          summary.foreign += answer.foreign;
          for (const error of answer.errors) {
            if (summary.rejections.length >= rejectionsReportedMax) break;
            summary.rejections.push({ file, record: batch.firstRecord + error.index + 1, reason: error.reason });
          }
          report(filesDone);
        } catch (error) {
          failed = true;
          summary.failedFiles.push({ file, reason: (error as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
    filesDone += 1;
    report(filesDone);
  }
  summary.rejections.sort((a, b) => a.file.localeCompare(b.file) || (a.record ?? 0) - (b.record ?? 0));
  summary.elapsedMs = performance.now() - startedAt;
  return summary;
}

const baseUrlOf = (url: string) => url.replace(/\/$/, "");

/** Imports feed files through a running ingest app, in batches, and adds up its answers. */
export async function importFeedFiles(options: ImportOptions): Promise<ImportSummary> {
  const batchRecords = options.batchRecords ?? 2_000;
  return runImport(options, {
    files: await collectFeedFiles(options.paths),
    basePath: `${baseUrlOf(options.url)}/v1/feeds/${encodeURIComponent(options.feed)}`,
    batchesOf: (file, text) => batchesOf(file, text, batchRecords),
  });
}

export interface CountyImportOptions extends ImportCommon {
  readonly county: string;
  readonly kind: CountyRecordKind;
}

/**
 * Imports county CSV files (one kind of record) through a running ingest app: each file in batches of rows under
 * its header row, cut the same way every time, so a re-import is all duplicates. Rows keep their place in the file
 * for the rejections (the header is line 1, so the first row is record 1).
 */
export async function importCountyFiles(options: CountyImportOptions): Promise<ImportSummary> {
  const batchRecords = options.batchRecords ?? 2_000;
  return runImport(options, {
    files: await collectFiles(options.paths, countyFileExtensions),
    basePath: `${baseUrlOf(options.url)}/v1/counties/${encodeURIComponent(options.county)}`,
    batchPerFile: true,
    batchesOf: (file, text) => {
      const { header, records } = splitFeedRecords(text, "delimited");
      const place = { file, route: options.kind, contentType: csvType, batchRecords };
      // An empty file or a header alone still goes once, so that ingest says what is wrong with it.
      if (records.length === 0) return [{ ...place, body: text, firstRecord: 0, records: 0 }];
      return cutLines(place, header, records);
    },
  });
}
