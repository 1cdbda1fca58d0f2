import type { UspsMilestone } from "../ballot/index.ts";
import type { MailDirection } from "../imb/index.ts";

/** One USPS scan in our terms, whatever feed format it came in. */
export interface NormalizedScan {
  readonly imb: string;
  readonly mailerId: string;
  readonly serialNumber: string;
  readonly serviceTypeId: string;
  readonly direction: MailDirection;
  readonly milestone: UspsMilestone;
  /** UTC, ISO 8601. */
  readonly occurredAt: string;
  /** The timestamp exactly as the feed wrote it. */
  readonly rawTimestamp: string;
  /** The zone a timestamp without an offset was read in (from the facility ZIP, or the configured default). */
  readonly timeZone?: string;
  /** The 3-digit operation code. */
  readonly scanEventCode?: string;
  readonly mailPhase?: string;
  /** 5 digits. */
  readonly facilityZip?: string;
  /** USPS's facility id. */
  readonly facilityLocaleKey?: string;
  /** USPS's delivery estimate for the piece (expected, anticipated or predicted), `YYYY-MM-DD`. */
  readonly expectedDeliveryDate?: string;
}

export interface RecordRejection {
  readonly reason: string;
  /** The record as received, so nothing is lost in the dead-letter stream. */
  readonly raw: string;
}

/**
 * The milestone a scan is evidence of (REFERENCE.md 5.7): PARS/FPARS means undeliverable or forwarded; a logical
 * delivery event delivered; a logical out-for-delivery event out for delivery; anything else in the mail.
 */
export function milestoneOf(mailPhase: string, handlingDescription: string): UspsMilestone {
  const phase = mailPhase.toLowerCase();
  const handling = handlingDescription.toLowerCase();
  if (/\bf?pars\b/.test(phase)) return "undeliverable";
  if (handling.includes("out for delivery")) return "out_for_delivery";
  if (/phase\s*4c/.test(phase) || handling.includes("delivery event") || /\bdelivered\b/.test(handling)) {
    return "delivered";
  }
  return "in_transit";
}

/** Key names compared without case or punctuation: `scanDatetime`, `scan_date_time` and `Scan Date Time` match. */
export function squashKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}
