import { type CountyStatus, countyStatuses } from "../ballot/index.ts";
import type { RecordRejection } from "../feeds/index.ts";
import { canonicalIdentity, type IdentityField, normalizeCalendarDate, normalizeZip } from "../identity/index.ts";
import { splitImbDigits } from "../imb/index.ts";
import { err, ok, type Result } from "../result/index.ts";

/** A voter row after validation. The canonical identity is hashed by the caller and then dropped. */
export interface VoterRecord {
  readonly voterId: string;
  readonly county: string;
  readonly canonicalIdentity: string;
  readonly zip: string;
  readonly language: string;
}

export interface BallotRecord {
  readonly ballotId: string;
  readonly voterId: string;
  readonly electionId: string;
  readonly outboundImb: string;
  readonly returnImb?: string;
  readonly issuedAt: string;
}

export interface StatusRecord {
  readonly ballotId: string;
  readonly status: CountyStatus;
  readonly occurredAt: string;
  readonly reasonCode?: string;
  readonly cureDeadline?: string;
  readonly cureUrl?: string;
  readonly channel?: "mail" | "drop_box" | "vote_center";
}

type Row = Readonly<Record<string, unknown>>;

function text(row: Row, name: string): string | undefined {
  const value = row[name];
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The county file's column for each identity field, so that a reason names the column to fix. */
const voterColumnOf: Readonly<Record<IdentityField, string>> = {
  firstName: "first_name",
  lastName: "last_name",
  dateOfBirth: "date_of_birth",
  zip: "zip",
};

const idPattern = /^[A-Za-z0-9._-]{1,64}$/;

function asRow(row: unknown): Row | undefined {
  return typeof row === "object" && row !== null && !Array.isArray(row) ? (row as Row) : undefined;
}

function instant(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw;
  const time = Date.parse(dateOnly);
  return Number.isNaN(time) || !/(Z|[+-]\d{2}:?\d{2})$/i.test(dateOnly) ? undefined : new Date(time).toISOString();
}

/** `voter_id,first_name,last_name,date_of_birth,zip,county,language,...` as one JSON row. */
export function parseVoterRow(input: unknown, county: string, today: string): Result<VoterRecord, RecordRejection> {
  const raw = JSON.stringify(input) ?? "undefined";
  const row = asRow(input);
  if (!row) return err({ reason: "row is not an object", raw });
  const voterId = text(row, "voter_id");
  if (!voterId || !idPattern.test(voterId)) return err({ reason: "voter_id is missing or malformed", raw });
  const rowCounty = text(row, "county") ?? county;
  if (rowCounty !== county) return err({ reason: `row is for county ${rowCounty}, not ${county}`, raw });
  const identity = canonicalIdentity(
    {
      firstName: text(row, "first_name") ?? "",
      lastName: text(row, "last_name") ?? "",
      dateOfBirth: text(row, "date_of_birth") ?? "",
      zip: text(row, "zip") ?? "",
    },
    today,
  );
  if (!identity.ok) return err({ reason: `${voterColumnOf[identity.error.field]}: ${identity.error.message}`, raw });
  const zip = normalizeZip(text(row, "zip") ?? "");
  if (!zip.ok) return err({ reason: `zip: ${zip.error}`, raw });
  return ok({
    voterId,
    county,
    canonicalIdentity: identity.value,
    zip: zip.value,
    language: text(row, "language")?.toLowerCase() ?? "en",
  });
}

/** `ballot_id,voter_id,election_id,outbound_imb,return_imb,issued_at` as one JSON row. */
export function parseBallotRow(input: unknown): Result<BallotRecord, RecordRejection> {
  const raw = JSON.stringify(input) ?? "undefined";
  const row = asRow(input);
  if (!row) return err({ reason: "row is not an object", raw });
  const ballotId = text(row, "ballot_id");
  const voterId = text(row, "voter_id");
  const electionId = text(row, "election_id");
  if (!ballotId || !idPattern.test(ballotId)) return err({ reason: "ballot_id is missing or malformed", raw });
  if (!voterId || !idPattern.test(voterId)) return err({ reason: "voter_id is missing or malformed", raw });
  if (!electionId || !idPattern.test(electionId)) return err({ reason: "election_id is missing or malformed", raw });
  const outboundImb = text(row, "outbound_imb") ?? "";
  const outbound = splitImbDigits(outboundImb);
  if (!outbound.ok) return err({ reason: `outbound_imb is invalid: ${outbound.error}`, raw });
  const returnImb = text(row, "return_imb");
  if (returnImb) {
    const back = splitImbDigits(returnImb);
    if (!back.ok) return err({ reason: `return_imb is invalid: ${back.error}`, raw });
  }
  const issuedAt = instant(text(row, "issued_at"));
  if (!issuedAt) return err({ reason: "issued_at must be a date (YYYY-MM-DD) or a time with an offset", raw });
  return ok({ ballotId, voterId, electionId, outboundImb, ...(returnImb ? { returnImb } : {}), issuedAt });
}

function isWebAddress(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol, hostname } = new URL(text);
  return (protocol === "https:" || protocol === "http:") && hostname !== "" && text.length <= 512;
}

const channels = ["mail", "drop_box", "vote_center"] as const;

/** Why a county did not count a ballot, as its `statuses` file spells it. */
export const countyReasonCodes = [
  "signature_mismatch",
  "signature_missing",
  "late",
  "ballot_missing",
  "already_voted",
  "deceased",
  "other",
] as const;

/** The longest cure link a status row may carry. */
export const maxCureUrlLength = 200;

/** `ballot_id,status,occurred_at,reason_code,cure_deadline,cure_url,channel,note` as one JSON row. */
export function parseStatusRow(input: unknown): Result<StatusRecord, RecordRejection> {
  const raw = JSON.stringify(input) ?? "undefined";
  const row = asRow(input);
  if (!row) return err({ reason: "row is not an object", raw });
  const ballotId = text(row, "ballot_id");
  if (!ballotId || !idPattern.test(ballotId)) return err({ reason: "ballot_id is missing or malformed", raw });
  const status = text(row, "status") as CountyStatus | undefined;
  if (!status || !countyStatuses.includes(status)) {
    return err({ reason: `status must be one of ${countyStatuses.join(", ")}`, raw });
  }
  const occurredAt = instant(text(row, "occurred_at"));
  if (!occurredAt) return err({ reason: "occurred_at must be a date (YYYY-MM-DD) or a time with an offset", raw });
  const channel = text(row, "channel") as (typeof channels)[number] | undefined;
  if (channel && !channels.includes(channel))
    return err({ reason: `channel must be one of ${channels.join(", ")}`, raw });
  const reasonCode = text(row, "reason_code");
  if (reasonCode && !(countyReasonCodes as readonly string[]).includes(reasonCode)) {
    return err({ reason: `reason_code must be one of ${countyReasonCodes.join(", ")}`, raw });
  }
  const cureDeadlineText = text(row, "cure_deadline");
  const cureDeadline = cureDeadlineText ? normalizeCalendarDate(cureDeadlineText) : undefined;
  if (cureDeadline && !cureDeadline.ok) return err({ reason: `cure_deadline: ${cureDeadline.error}`, raw });
  const cureUrl = text(row, "cure_url");
  // Voters follow this link from the status page and messages: only a web address, never script or data.
  if (cureUrl && !isWebAddress(cureUrl)) return err({ reason: "cure_url must be an https:// or http:// address", raw });
  // It is kept with the ballot (a few hundred bytes each, 22 million of them) and read out in SMS: a short link.
  if (cureUrl && cureUrl.length > maxCureUrlLength) {
    return err({ reason: `cure_url must be at most ${maxCureUrlLength} characters; use a shorter link`, raw });
  }
  return ok({
    ballotId,
    status,
    occurredAt,
    ...(reasonCode ? { reasonCode } : {}),
    ...(cureDeadline ? { cureDeadline: cureDeadline.value } : {}),
    ...(cureUrl ? { cureUrl } : {}),
    ...(channel ? { channel } : {}),
  });
}
