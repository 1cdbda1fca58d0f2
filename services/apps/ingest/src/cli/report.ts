// What both import commands print: a progress line on stderr (redrawn on a terminal, every 2 s in a log) and the
// summary, with rejected records by file and record number.
import type { ImportProgress, ImportSummary } from "../import-files.ts";

export function progressPrinter(label: string): { onProgress: (progress: ImportProgress) => void; end: () => void } {
  const interactive = process.stderr.isTTY === true;
  let lastPrintMs = 0;
  return {
    onProgress: ({ filesDone, files, records, elapsedMs }) => {
      if (elapsedMs - lastPrintMs < (interactive ? 200 : 2_000) && filesDone < files) return;
      lastPrintMs = elapsedMs;
      const rate = Math.round(records / Math.max(elapsedMs / 1000, 0.001));
      const line = `[${label}] files ${filesDone}/${files}, records ${records.toLocaleString("en-US")}, ${rate.toLocaleString("en-US")} records/s`;
      process.stderr.write(interactive ? `\r${line}\u001b[K` : `${line}\n`);
    },
    end: () => {
      if (interactive) process.stderr.write("\n");
    },
  };
}

/**
 * Prints the summary (`counts` names what the counters mean for this kind of import), as one JSON object on stdout
 * with `json`, and sets the exit code: 1 when a file could not be imported. Rejected records alone are no failure:
 * they are in the dead-letter stream, and listed here to be fixed.
 */
export function reportSummary(label: string, summary: ImportSummary, counts: string, json: boolean): void {
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  const where = (problem: { file: string; record?: number }) =>
    problem.record === undefined ? problem.file : `${problem.file} record ${problem.record}`;
  for (const problem of summary.rejections) console.error(`[${label}] rejected: ${where(problem)}: ${problem.reason}`);
  for (const problem of summary.failedFiles) console.error(`[${label}] failed: ${problem.file}: ${problem.reason}`);
  const failed = summary.failedFiles.length > 0 ? `; ${summary.failedFiles.length} files failed` : "";
  console.error(
    `[${label}] done in ${seconds} s: ${summary.files} files, ${summary.records} records: ${counts}${failed}`,
  );
  if (json) console.log(JSON.stringify(summary));
  process.exitCode = summary.failedFiles.length > 0 ? 1 : 0;
}

/** Parses whole positive numbers from the command line, or undefined when one is not. */
export const positiveWhole = (text: string | undefined): number | undefined => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
};
