// What the voter is told about a ballot's status beyond its words: who it waits on, when a delivery date or a cure
// applies, and how dates read. One place for the lookup page's script and for the API's page without JavaScript.
import type { UiStrings } from "./index.ts";

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

export const dateFormatsOf = (locale: string): DateFormats => ({
  dateTime: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }),
  date: new Intl.DateTimeFormat(locale, { dateStyle: "medium" }),
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
