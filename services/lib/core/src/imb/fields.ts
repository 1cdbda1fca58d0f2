import { err, ok, type Result } from "../result/index.ts";

/** Ballot mail direction from the Service Type Identifier (REFERENCE.md section 4.1). */
export type MailDirection = "outbound" | "return" | "other";

export interface ImbFields {
  /** 20-digit tracking code. */
  readonly tracking: string;
  /** 0, 5, 9 or 11 digits. */
  readonly routing: string;
  readonly barcodeId: string;
  readonly serviceTypeId: string;
  /** 6 digits (000000-899999) or 9 digits (900000000-999999999). */
  readonly mailerId: string;
  /** 9 digits with a 6-digit mailer id, 6 digits with a 9-digit one: mailer id + serial is always 15 digits. */
  readonly serialNumber: string;
  readonly direction: MailDirection;
}

export type ImbFieldError =
  | "TRACK_STRING_BAD_LENGTH"
  | "TRACK_STRING_HAS_INVALID_DATA"
  | "TRACK_STRING_HAS_INVALID_DIGIT2"
  | "ROUTE_STRING_BAD_LENGTH"
  | "ROUTE_STRING_HAS_INVALID_DATA";

/** Return ballot STIDs: First-Class reply, Business Reply, Permit Reply, UOCAVA. */
const returnBallotStids: ReadonlySet<string> = new Set(["777", "778", "779", "780"]);

/** Outbound ballot STIDs in force since 2024-01-21 (REFERENCE.md 4.1; First-Class and Marketing Mail). */
const outboundBallotStids: ReadonlySet<string> = new Set([
  "713",
  "714",
  "715",
  "716",
  "717",
  "718",
  "720",
  "722",
  "723",
  "725",
  "726",
  "735",
  "736",
  "737",
  "738",
  "741",
  "743",
  "744",
  "746",
]);

export function directionOf(serviceTypeId: string): MailDirection {
  if (returnBallotStids.has(serviceTypeId)) return "return";
  if (outboundBallotStids.has(serviceTypeId)) return "outbound";
  return "other";
}

const isDigits = (text: string): boolean => /^\d*$/.test(text);

/**
 * Validates a tracking and routing code in the USPS reference encoder's order (return codes 9-13), refusing
 * rather than padding or trimming, and splits the tracking code into its fields (USPS-B-3200 section 2).
 */
export function splitImb(tracking: string, routing = ""): Result<ImbFields, ImbFieldError> {
  if (tracking.length !== 20) return err("TRACK_STRING_BAD_LENGTH");
  if (!isDigits(tracking)) return err("TRACK_STRING_HAS_INVALID_DATA");
  if (tracking.charCodeAt(1) > 52 /* "4" */) return err("TRACK_STRING_HAS_INVALID_DIGIT2");
  if (![0, 5, 9, 11].includes(routing.length)) return err("ROUTE_STRING_BAD_LENGTH");
  if (!isDigits(routing)) return err("ROUTE_STRING_HAS_INVALID_DATA");
  const serviceTypeId = tracking.slice(2, 5);
  // A mailer id starting with 9 is a 9-digit one (USPS-B-3200: 6-digit ids use 000000-899999).
  const mailerIdLength = tracking[5] === "9" ? 9 : 6;
  return ok({
    tracking,
    routing,
    barcodeId: tracking.slice(0, 2),
    serviceTypeId,
    mailerId: tracking.slice(5, 5 + mailerIdLength),
    serialNumber: tracking.slice(5 + mailerIdLength),
    direction: directionOf(serviceTypeId),
  });
}

/** An IV-MTR `imb` field: the 20 tracking digits followed by 0, 5, 9 or 11 routing digits. */
export function splitImbDigits(digits: string): Result<ImbFields, ImbFieldError> {
  return splitImb(digits.slice(0, 20), digits.slice(20));
}
