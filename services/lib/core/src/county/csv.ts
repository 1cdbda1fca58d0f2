import type { RecordRejection } from "../feeds/index.ts";
import { readDelimitedRecords } from "../feeds/index.ts";
import { err, ok, type Result } from "../result/index.ts";

/** What a county sends, each kind a CSV file (or JSON rows with the same names). */
export const countyRecordKinds = ["voters", "ballots", "statuses"] as const;
export type CountyRecordKind = (typeof countyRecordKinds)[number];
export const isCountyRecordKind = (value: string): value is CountyRecordKind =>
  (countyRecordKinds as readonly string[]).includes(value);

/** Each kind's columns in the order counties export them; those in `required` must be in the header row. */
export const countyColumns: Readonly<
  Record<CountyRecordKind, { all: readonly string[]; required: readonly string[] }>
> = {
  voters: {
    all: ["voter_id", "first_name", "last_name", "date_of_birth", "zip", "county", "language", "email", "phone"],
    required: ["voter_id", "first_name", "last_name", "date_of_birth", "zip"],
  },
  ballots: {
    all: ["ballot_id", "voter_id", "election_id", "outbound_imb", "return_imb", "issued_at"],
    required: ["ballot_id", "voter_id", "election_id", "outbound_imb", "issued_at"],
  },
  statuses: {
    all: ["ballot_id", "status", "occurred_at", "reason_code", "cure_deadline", "cure_url", "channel", "note"],
    required: ["ballot_id", "status", "occurred_at"],
  },
};

/** `Voter ID`, `voter-id` and `VOTER_ID` all name `voter_id`. */
export const countyColumnName = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/**
 * A county CSV file (comma, pipe, tab or semicolon; quoted fields; a header row) as rows named like the JSON
 * endpoint's. A header that lacks a required column refuses the whole file, since every row would fail the same
 * way; a row with the wrong number of fields is rejected alone.
 */
export function readCountyCsv(
  text: string,
  kind: CountyRecordKind,
): Result<readonly Result<Readonly<Record<string, string>>, RecordRejection>[], string> {
  const { names, rows } = readDelimitedRecords(text);
  if (names.length === 0)
    return err(`the file is empty; a ${kind} file starts with the header row ${countyColumns[kind].all.join(",")}`);
  const columns = new Set(names.map(countyColumnName));
  const missing = countyColumns[kind].required.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    return err(
      `the header row lacks ${missing.join(", ")}; a ${kind} file has the columns ${countyColumns[kind].all.join(",")}`,
    );
  }
  return ok(
    rows.map((row) => {
      if (!row.ok) return row;
      const named: Record<string, string> = {};
      for (const [header, value] of Object.entries(row.value.fields)) {
        const name = countyColumnName(header);
        if (!(name in named)) named[name] = value;
      }
      return ok(named);
    }),
  );
}
