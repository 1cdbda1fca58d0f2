// What the voter is told about a ballot's status beyond its words: who it waits on, when a delivery date or a cure
// applies, and how dates read. One place for the lookup page's script and for the API's page without JavaScript.
import { fill, type UiStrings } from "./index.ts";

export type StatusName = keyof UiStrings["statuses"];
export type WaitingOn = keyof UiStrings["waiting"];

/** Who the ballot waits on in each status: the plain answer to "is anything needed from me?". */
export const waitingOn: Readonly<Record<StatusName, WaitingOn>> = {
  issued: "county",
  mailed: "usps",
  in_transit: "usps",
  out_for_delivery: "usps",
  delivered: "voter",
  undeliverable: "voter",
  returned_by_voter: "usps",
  received: "county",
  accepted: "county",
  counted: "done",
  rejected: "voter",
  cure_pending: "voter",
  cured: "county",
  superseded: "done",
};

/** Statuses in which USPS's expected delivery date is worth telling. */
export const onTheWayToVoter: ReadonlySet<StatusName> = new Set(["mailed", "in_transit", "out_for_delivery"]);

/** Rejection reasons a signature form can fix. */
export const curableReasons: ReadonlySet<string> = new Set(["signature_mismatch", "signature_missing"]);

/** Only web links become links: a county's cure address is data, and data must not run script. */
export function safeWebUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The formatters a page in one locale needs for a ballot's dates. */
export interface DateFormats {
  readonly dateTime: Intl.DateTimeFormat;
  readonly date: Intl.DateTimeFormat;
  /** Calendar days (delivery date, cure deadline) are days, not instants: formatted in UTC so no zone shifts them. */
  readonly day: Intl.DateTimeFormat;
  readonly relative: Intl.RelativeTimeFormat;
}

/** A page's date formats; instants in `timeZone` (the reader's own when not given). */
export const dateFormatsOf = (locale: string, timeZone?: string): DateFormats => ({
  dateTime: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
  date: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }),
  day: new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }),
  relative: new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
});

/** A `YYYY-MM-DD` calendar day in words; anything else as it came. */
export function formatCalendarDay(formats: DateFormats, text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match ? formats.day.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : text;
}

/** How long ago an instant was, in minutes, hours or days as fits. */
export function agoText(formats: DateFormats, iso: string, nowMs: number): string {
  const minutes = Math.round((new Date(iso).getTime() - nowMs) / 60_000);
  if (Math.abs(minutes) < 60) return formats.relative.format(minutes, "minute");
  if (Math.abs(minutes) < 48 * 60) return formats.relative.format(Math.round(minutes / 60), "hour");
  return formats.relative.format(Math.round(minutes / 1440), "day");
}

/** "30 seconds", "2 minutes", in the page's language: how long a rate-limited voter waits. */
export function waitText(locale: string, seconds: number): string {
  const unit = seconds > 90 ? "minute" : "second";
  const amount = unit === "minute" ? Math.ceil(seconds / 60) : seconds;
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(amount);
}

export type LookupField = "firstName" | "lastName" | "dateOfBirth" | "zip" | "voterId";
export const lookupFields: readonly LookupField[] = ["firstName", "lastName", "dateOfBirth", "zip", "voterId"];

/** A lookup that found no one ballot, as the voter is told it: the text, its field, and whether the FAQ helps. */
export interface LookupProblem {
  readonly field?: LookupField;
  readonly message: string;
  readonly faqLink?: boolean;
}

/**
 * The API's lookup error codes (services/apps/api/src/errors.ts), told in the page's language and tied to their
 * field: the same words whether the page's script asked or the API drew the page for a browser without JavaScript.
 */
export function lookupProblemOf(
  e: UiStrings["errors"],
  locale: string,
  code: string | undefined,
  field: string | undefined,
  retryAfterSeconds: number,
): LookupProblem {
  if (code === "VALIDATION_FAILED") {
    const byField: Record<LookupField, string> = {
      firstName: e.firstNameInvalid,
      lastName: e.lastNameInvalid,
      dateOfBirth: e.dateOfBirthRange,
      zip: e.zipInvalid,
      voterId: e.voterIdInvalid,
    };
    const known = lookupFields.find((candidate) => candidate === field);
    return known ? { field: known, message: byField[known] } : { message: e.unavailable };
  }
  if (code === "VOTER_NOT_FOUND") return { message: e.notFound, faqLink: true };
  if (code === "VOTER_AMBIGUOUS") return { field: "voterId", message: e.ambiguous };
  if (code === "RATE_LIMITED") {
    return { message: fill(e.rateLimited, { time: waitText(locale, retryAfterSeconds > 0 ? retryAfterSeconds : 60) }) };
  }
  return { message: e.unavailable };
}
