import { ballotStatuses, countyStatuses, uspsMilestones } from "@ballot/core";
import { z } from "zod";

const isoInstant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const digits = (min: number, max: number) => z.string().regex(new RegExp(`^\\d{${min},${max}}$`));

const feedText = z.string().max(128);

/**
 * The ingest batch a record came in (one upload, one feed request, or one file of an import): every status change it
 * causes carries it, so that a batch moving an unusual share of a county's ballots at once is held for review.
 */
export const batchIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "1-64 of A-Z a-z 0-9 . _ -");

/** One USPS scan, normalised by ingest from any feed format (`@ballot/core` `NormalizedScan` plus its feed). */
export const uspsScanSchema = z.object({
  /** 20 tracking digits + 0, 5, 9 or 11 routing digits. */
  imb: digits(20, 31),
  mailerId: digits(6, 9),
  serialNumber: digits(6, 9),
  serviceTypeId: digits(3, 3),
  direction: z.enum(["outbound", "return", "other"]),
  milestone: z.enum(uspsMilestones),
  /** UTC. */
  occurredAt: isoInstant,
  /** The timestamp exactly as the feed wrote it. */
  rawTimestamp: feedText,
  /** The zone a timestamp without an offset was read in (facility ZIP or configured default). */
  timeZone: z.string().max(64).optional(),
  scanEventCode: feedText.optional(),
  mailPhase: feedText.optional(),
  facilityZip: digits(5, 5).optional(),
  facilityLocaleKey: feedText.optional(),
  expectedDeliveryDate: isoDate.optional(),
  /** Which configured feed sent it. */
  feed: z.string().max(64),
});
export type UspsScan = z.infer<typeof uspsScanSchema>;

/** Most scans one message may carry; ingest sends up to 256 (`@ballot/core` `defaultChunkBounds`). */
export const uspsScanChunkMaxRecords = 512;

/**
 * USPS scans travel in chunks, one message per up to a few hundred scans of one ingest batch: JetStream stores far
 * more records per second that way than one message per record. The message id is derived from the scans'
 * identities, so a re-sent file makes the same chunks and they are dropped as duplicates.
 */
export const uspsScanChunkSchema = z.object({
  scans: z.array(uspsScanSchema).min(1).max(uspsScanChunkMaxRecords),
  batchId: batchIdSchema.optional(),
});
export type UspsScanChunk = z.infer<typeof uspsScanChunkSchema>;

/** A voter from the county roll. Names and birth date never travel: only the keyed identity hash does. */
export const countyVoterSchema = z.object({
  county: z.string().min(1),
  voterId: z.string().min(1),
  identityHash: z.string().regex(/^[0-9a-f]{64}$/),
  zip: digits(5, 5),
  language: z.string().default("en"),
  updatedAt: isoInstant,
  batchId: batchIdSchema.optional(),
});
export type CountyVoter = z.infer<typeof countyVoterSchema>;

export const countyBallotSchema = z.object({
  county: z.string().min(1),
  ballotId: z.string().min(1),
  voterId: z.string().min(1),
  electionId: z.string().min(1),
  outboundImb: digits(20, 31),
  returnImb: digits(20, 31).optional(),
  issuedAt: isoInstant,
  batchId: batchIdSchema.optional(),
});
export type CountyBallot = z.infer<typeof countyBallotSchema>;

export const countyStatusSchema = z.object({
  county: z.string().min(1),
  ballotId: z.string().min(1),
  status: z.enum(countyStatuses),
  occurredAt: isoInstant,
  reasonCode: z.string().optional(),
  cureDeadline: isoDate.optional(),
  cureUrl: z.url().optional(),
  channel: z.enum(["mail", "drop_box", "vote_center"]).optional(),
  batchId: batchIdSchema.optional(),
});
export type CountyStatusUpdate = z.infer<typeof countyStatusSchema>;

/** Published once per change of voter-facing status. */
export const ballotStatusChangedSchema = z.object({
  ballotKey: z.string(),
  ballotId: z.string(),
  voterId: z.string(),
  county: z.string(),
  electionId: z.string(),
  from: z.enum(ballotStatuses).nullable(),
  to: z.enum(ballotStatuses),
  occurredAt: isoInstant,
  asOf: isoInstant,
  /** The ingest batch whose record caused the change; none for changes no batch caused (a reissue's supersede). */
  batchId: batchIdSchema.optional(),
});
export type BallotStatusChanged = z.infer<typeof ballotStatusChangedSchema>;

/** Alerts the time-based rules raise in bulk, for the notifier and the dashboard. */
export const ballotAlertKinds = ["lost_suspected", "cure_deadline_reminder", "return_deadline_reminder"] as const;

export const ballotAlertSchema = z.object({
  kind: z.enum(ballotAlertKinds),
  ballotKey: z.string(),
  ballotId: z.string(),
  voterId: z.string(),
  county: z.string(),
  electionId: z.string(),
  /** The deadline the reminder is about (cure or return), YYYY-MM-DD. */
  deadline: isoDate.optional(),
  /** For a lost ballot: its last sign of life. */
  lastSeenAt: isoInstant.optional(),
  raisedAt: isoInstant,
});
export type BallotAlert = z.infer<typeof ballotAlertSchema>;

/** A record that could not be accepted or processed, kept whole with the reason. */
export const deadLetterSchema = z.object({
  source: z.string(),
  reason: z.string(),
  raw: z.string(),
  receivedAt: isoInstant,
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;
