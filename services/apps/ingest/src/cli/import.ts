// `pnpm ingest:import --feed NAME PATH...`: imports USPS feed files through a running ingest app.
import { parseArgs } from "node:util";
import { feedFileExtensions, importFeedFiles } from "../import-files.ts";
import { positiveWhole, progressPrinter, reportSummary } from "./report.ts";

const usage = `pnpm ingest:import --feed NAME [--batch-records 2000] [--concurrency 4] [--json] PATH...

Sends USPS scan files (IV-MTR JSON push or pull, delimited with a header row, legacy PKG; .gz too) to the running
ingest app in batches, files and folders alike (folders recursively: ${feedFileExtensions.join(" ")}).
Formats are detected from the content. Importing the same files again gives only duplicates.

Environment: INGEST_URL (default http://127.0.0.1:8081) and INGEST_FEED_TOKEN (the feed's bearer token).
Progress goes to stderr; the summary too, or to stdout as one JSON object with --json. Exit code 1 when a file
could not be imported (rejected records alone are not a failure: they are in the dead-letter stream).`;

function parseCommandLine() {
  return parseArgs({
    allowPositionals: true,
    options: {
      feed: { type: "string" },
      "batch-records": { type: "string", default: "2000" },
      concurrency: { type: "string", default: "4" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}
let commandLine: ReturnType<typeof parseCommandLine>;
try {
  commandLine = parseCommandLine();
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
const { values, positionals } = commandLine;
const token = process.env.INGEST_FEED_TOKEN;
const batchRecords = positiveWhole(values["batch-records"]);
const concurrency = positiveWhole(values.concurrency);
if (values.help || !values.feed || positionals.length === 0 || !token || !batchRecords || !concurrency) {
  if (!values.help && !token) console.error("INGEST_FEED_TOKEN is not set.\n");
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const progress = progressPrinter("import");
const summary = await importFeedFiles({
  url: process.env.INGEST_URL ?? "http://127.0.0.1:8081",
  feed: values.feed,
  token,
  paths: positionals,
  batchRecords,
  concurrency,
  onProgress: progress.onProgress,
});
progress.end();
reportSummary(
  "import",
  summary,
  `${summary.accepted} accepted, ${summary.duplicate} duplicate, ${summary.rejected} rejected, ${summary.foreign} foreign`,
  values.json,
);
