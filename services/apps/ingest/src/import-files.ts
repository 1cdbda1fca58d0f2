import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { detectJsonFormat, detectTextFormat, splitFeedRecords, squashKey } from "@ballot/core";

const gunzipAsync = promisify(gunzip);

/** Extensions a folder import picks up (plus the same with `.gz`); a file named on the command line is always read. */
export const feedFileExtensions = [".json", ".csv", ".psv", ".tsv", ".txt", ".pkg", ".dat"] as const;

export interface ImportOptions {
  /** The ingest app's base URL, e.g. http://127.0.0.1:8081. */
  readonly url: string;
  readonly feed: string;
  readonly token: string;
  /** Files and folders (read recursively). */
  readonly paths: readonly string[];
  /** Records per request. */
  readonly batchRecords?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
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
  /** The endpoint under `/v1/feeds/<feed>/`. */
  readonly route: string;
  readonly body: string;
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

const isFeedFileName = (name: string) =>
  !name.startsWith(".") &&
  feedFileExtensions.some((extension) => name.toLowerCase().replace(/\.gz$/, "").endsWith(extension));

/** Files named, and feed files under folders named (recursively, in name order, so runs are repeatable). */
export async function collectFeedFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string) => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith(".")) await walk(path);
      else if (entry.isFile() && isFeedFileName(entry.name)) files.push(path);
    }
  };
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) await walk(path);
    else files.push(path);
  }
  return files;
}

async function readFeedFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzipped ? await gunzipAsync(bytes) : bytes).toString("utf8");
}

/**
 * Cuts a file into request bodies that each parse on their own, in a fixed way (so importing a file again sends the
 * same batches, which ingest finds to be duplicates): push JSON by events, pull JSON by pieces, delimited files by
 * rows under the repeated header, legacy files by lines. What cannot be cut (unreadable JSON, no header) goes whole,
 * so that ingest says why and keeps it in the dead letters.
 */
export function batchesOf(file: string, text: string, batchRecords: number): Batch[] {
  const whole: Batch[] = [{ file, route: "files", body: text, firstRecord: 0, records: 0 }];
  const format = detectTextFormat(text, basename(file));
  if (!format.ok) return whole;
  const batches: Batch[] = [];
  const cut = <T>(
    items: readonly T[],
    route: string,
    bodyOf: (slice: readonly T[]) => string,
    sizeOf: (item: T) => number,
  ) => {
    for (let start = 0; start < items.length; ) {
      let end = start;
      let bytes = 0;
      while (end < items.length && end - start < batchRecords && (end === start || bytes < batchBytesMax)) {
        bytes += sizeOf(items[end] as T);
        end += 1;
      }
      batches.push({ file, route, body: bodyOf(items.slice(start, end)), firstRecord: start, records: end - start });
      start = end;
    }
    return batches;
  };
  if (format.value !== "json") {
    const { header, records } = splitFeedRecords(text, format.value);
    const body = (slice: readonly string[]) => (header === undefined ? slice : [header, ...slice]).join("\n");
    return cut(records, `files?format=${format.value}`, body, (record) => record.length + 1);
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
  if (!Array.isArray(items)) return [{ file, route: "ivmtr", body: text, firstRecord: 0, records: 1 }];
  const body = (slice: readonly unknown[]) => JSON.stringify({ [wrapper]: slice });
  return cut(items, "ivmtr", body, (item) => JSON.stringify(item)?.length ?? 4);
}

class RequestFailed extends Error {
  override readonly name = "RequestFailed";
}

async function send(options: ImportOptions, batch: Batch): Promise<BatchAnswer> {
  const url = `${options.url.replace(/\/$/, "")}/v1/feeds/${encodeURIComponent(options.feed)}/${batch.route}`;
  for (let attempt = 1; ; attempt += 1) {
    let retryable: string;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${options.token}`, "content-type": "text/plain; charset=utf-8" },
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

/** Imports feed files through a running ingest app, in batches, and adds up its answers. */
export async function importFeedFiles(options: ImportOptions): Promise<ImportSummary> {
  const batchRecords = options.batchRecords ?? 2_000;
  const concurrency = options.concurrency ?? 4;
  const startedAt = performance.now();
  const files = await collectFeedFiles(options.paths);
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
    const batches = batchesOf(file, text, batchRecords);
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (next < batches.length && !failed) {
        const batch = batches[next] as Batch;
        next += 1;
        try {
          const answer = await send(options, batch);
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
