// `pnpm county import KIND --county NAME FILE...`: imports county CSV files through a running ingest app.
import { parseArgs } from "node:util";
import { countyColumns, countyRecordKinds, isCountyRecordKind } from "@ballot/core";
import { countyFileExtensions, importCountyFiles } from "../import-files.ts";
import { positiveWhole, progressPrinter, reportSummary } from "./report.ts";

const usage = `pnpm county import KIND --county NAME [--batch-records 2000] [--concurrency 4] [--json] FILE...

Sends a county's CSV files (comma, pipe, tab or semicolon; a header row; .gz too) to the running ingest app in
batches, files and folders alike (folders recursively: ${countyFileExtensions.join(" ")}). KIND is one of:
${countyRecordKinds.map((kind) => `  ${kind.padEnd(9)} ${countyColumns[kind].all.join(",")}`).join("\n")}
Every row is checked on its own: bad rows are rejected with the reason (and kept in the dead-letter stream), good
rows are never lost. Importing the same file again changes nothing: its rows come back as unchanged.

Environment: INGEST_URL (default http://127.0.0.1:8081) and INGEST_COUNTY_TOKEN (the county's bearer token).
Progress goes to stderr; the summary too, or to stdout as one JSON object with --json. Exit code 1 when a file
could not be imported (rejected rows alone are not a failure), 2 for a wrong command line.`;

function parseCommandLine() {
  return parseArgs({
    allowPositionals: true,
    options: {
      county: { type: "string" },
      "batch-records": { type: "string", default: "2000" },
      concurrency: { type: "string", default: "4" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

function refuse(problem: string): never {
  console.error(`${problem}\n\n${usage}`);
  process.exit(2);
}

let commandLine: ReturnType<typeof parseCommandLine>;
try {
  commandLine = parseCommandLine();
} catch (error) {
  refuse((error as Error).message);
}
const { values, positionals } = commandLine;
if (values.help) {
  console.error(usage);
  process.exit(0);
}
const [verb, kind, ...paths] = positionals;
const token = process.env.INGEST_COUNTY_TOKEN;
const batchRecords = positiveWhole(values["batch-records"]);
const concurrency = positiveWhole(values.concurrency);
if (verb !== "import") refuse(`unknown command "${verb ?? ""}"; the command is "import"`);
if (!kind || !isCountyRecordKind(kind)) refuse(`KIND must be one of ${countyRecordKinds.join(", ")}`);
if (!values.county) refuse("--county NAME is required: the county the rows belong to");
if (paths.length === 0) refuse("name at least one CSV file or folder");
if (!token) refuse("INGEST_COUNTY_TOKEN is not set: export the county's ingest token first");
if (!batchRecords || !concurrency) refuse("--batch-records and --concurrency take whole numbers above 0");

const progress = progressPrinter("county");
const summary = await importCountyFiles({
  url: process.env.INGEST_URL ?? "http://127.0.0.1:8081",
  county: values.county,
  kind,
  token,
  paths,
  batchRecords,
  concurrency,
  onProgress: progress.onProgress,
});
progress.end();
reportSummary(
  "county",
  summary,
  `${summary.accepted} accepted (new or changed), ${summary.duplicate} unchanged, ${summary.rejected} rejected`,
  values.json,
);
