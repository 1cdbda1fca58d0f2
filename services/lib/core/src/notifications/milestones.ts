import { type BallotStatus, rankOf } from "../ballot/index.ts";
import { assertNever } from "../result/index.ts";

/**
 * What a voter is told about (DESIGN.md, Notifications): every California Elections Code 3019.7(a) notice (handed
 * to USPS, expected delivery, undeliverable, received, counted or not counted with reason and steps, return deadline
 * reminder), plus delivery, back in the mail, cured, cure deadline reminders, a lost-ballot alert and corrections;
 * `retraction` takes back a message a batch held for review showed to be wrong (see safety-hold.ts).
 */
export const milestones = [
  "handed_to_usps",
  "expected_delivery",
  "delivered",
  "undeliverable",
  "back_in_mail",
  "received",
  "not_counted",
  "cured",
  "counted",
  "return_deadline_reminder",
  "cure_deadline_reminder",
  "lost_suspected",
  "correction",
  "retraction",
] as const;
export type Milestone = (typeof milestones)[number];

/** Why a ballot was not counted; the cure steps depend on it. Unknown county codes read as `other`. */
export const rejectionReasons = ["signature_mismatch", "signature_missing", "other"] as const;
export type RejectionReason = (typeof rejectionReasons)[number];
export const rejectionReasonOf = (code: string | undefined): RejectionReason =>
  code === "signature_mismatch" || code === "signature_missing" ? code : "other";
/** Signature problems are cured with the county's cure form (Elections Code 3019(d)). */
export const isCurableReason = (reason: RejectionReason): boolean => reason !== "other";

/** A status change as the tracker announces it (`@ballot/contracts` BallotStatusChanged). */
export interface StatusChangeInput {
  readonly ballotKey: string;
  readonly ballotId: string;
  readonly voterId: string;
  readonly county: string;
  readonly from: BallotStatus | null;
  readonly to: BallotStatus;
  readonly occurredAt: string;
}

/** An alert the rules raise (`@ballot/contracts` BallotAlert). */
export interface AlertInput {
  readonly kind: "lost_suspected" | "cure_deadline_reminder" | "return_deadline_reminder";
  readonly ballotKey: string;
  readonly ballotId: string;
  readonly voterId: string;
  readonly county: string;
  readonly deadline?: string | undefined;
  readonly raisedAt: string;
}

/** What the ballot's stored state adds to an event: the details the notices quote. */
export interface BallotFacts {
  /** YYYY-MM-DD from USPS. */
  readonly expectedDeliveryDate?: string | undefined;
  readonly rejection?:
    | { readonly reasonCode: string; readonly cureDeadline?: string | undefined; readonly cureUrl?: string | undefined }
    | undefined;
}

/** One thing to tell a voter about one ballot. */
export interface Notice {
  readonly ballotKey: string;
  readonly ballotId: string;
  readonly voterId: string;
  readonly county: string;
  readonly milestone: Milestone;
  /**
   * What "once" means for this notice: the milestone, plus the deadline for reminders (a new deadline is a new
   * reminder) and the corrected status for corrections. One message per (ballot, topic, channel).
   */
  readonly topic: string;
  readonly occurredAtMs: number;
  /** The ballot status the notice is about; a newer status notice folds held older ones. */
  readonly status?: BallotStatus | undefined;
  /** For a correction: the status it undoes, which the voter may or may not have been told. */
  readonly undoes?: BallotStatus | undefined;
  readonly details: NoticeDetails;
}

export interface NoticeDetails {
  readonly reason?: RejectionReason | undefined;
  /** YYYY-MM-DD. */
  readonly deadline?: string | undefined;
  readonly cureUrl?: string | undefined;
  /** YYYY-MM-DD. */
  readonly expectedDate?: string | undefined;
}

function milestoneOfStatus(status: BallotStatus): Milestone | undefined {
  switch (status) {
    case "mailed":
    case "in_transit":
      return "handed_to_usps";
    case "out_for_delivery":
      return "expected_delivery";
    case "delivered":
      return "delivered";
    case "undeliverable":
      return "undeliverable";
    case "returned_by_voter":
      return "back_in_mail";
    case "received":
      return "received";
    case "rejected":
    case "cure_pending":
      return "not_counted";
    case "cured":
      return "cured";
    // California's notice says "counted": an accepted ballot is one that will be counted.
    case "accepted":
    case "counted":
      return "counted";
    // Issued is not news; a superseded ballot's replacement brings its own notices.
    case "issued":
    case "superseded":
      return undefined;
    default:
      return assertNever(status, "ballot status");
  }
}

const isoDate = (iso: string): string => iso.slice(0, 10);

/**
 * The topic of the notice a change to `status` sends, if it sends one: what a correction of that status looks up to
 * know where the voter was told it.
 */
export const statusNoticeTopicOf = (status: BallotStatus): string | undefined => milestoneOfStatus(status);

/**
 * The notice a status change calls for, if any. A change to a lower-ranked status is a county correction
 * (DESIGN.md: "an explicit county correction may move a ballot back (and must notify)").
 */
export function noticeOfStatusChange(change: StatusChangeInput, facts: BallotFacts = {}): Notice | undefined {
  const base = {
    ballotKey: change.ballotKey,
    ballotId: change.ballotId,
    voterId: change.voterId,
    county: change.county,
    occurredAtMs: Date.parse(change.occurredAt),
    status: change.to,
  };
  if (change.from !== null && rankOf(change.to) < rankOf(change.from)) {
    return {
      ...base,
      milestone: "correction",
      topic: `correction:${change.from}>${change.to}`,
      undoes: change.from,
      details: {},
    };
  }
  const milestone = milestoneOfStatus(change.to);
  if (!milestone) return undefined;
  if (milestone === "not_counted") {
    const reason = rejectionReasonOf(facts.rejection?.reasonCode);
    return {
      ...base,
      milestone,
      topic: milestone,
      details: {
        reason,
        ...(facts.rejection?.cureDeadline ? { deadline: facts.rejection.cureDeadline } : {}),
        ...(facts.rejection?.cureUrl ? { cureUrl: facts.rejection.cureUrl } : {}),
      },
    };
  }
  if (milestone === "expected_delivery") {
    // Out for delivery means today when USPS gave no date.
    return {
      ...base,
      milestone,
      topic: milestone,
      details: { expectedDate: facts.expectedDeliveryDate ?? isoDate(change.occurredAt) },
    };
  }
  return { ...base, milestone, topic: milestone, details: {} };
}

/** The notice an alert calls for: reminders are keyed by their deadline, so a new deadline reminds again. */
export function noticeOfAlert(alert: AlertInput, facts: BallotFacts = {}): Notice {
  const base = {
    ballotKey: alert.ballotKey,
    ballotId: alert.ballotId,
    voterId: alert.voterId,
    county: alert.county,
    occurredAtMs: Date.parse(alert.raisedAt),
    milestone: alert.kind,
  };
  switch (alert.kind) {
    case "lost_suspected":
      return { ...base, topic: alert.kind, details: {} };
    case "return_deadline_reminder":
      return { ...base, topic: `${alert.kind}:${alert.deadline ?? ""}`, details: { deadline: alert.deadline } };
    case "cure_deadline_reminder":
      return {
        ...base,
        topic: `${alert.kind}:${alert.deadline ?? ""}`,
        details: {
          deadline: alert.deadline ?? facts.rejection?.cureDeadline,
          reason: rejectionReasonOf(facts.rejection?.reasonCode),
          ...(facts.rejection?.cureUrl ? { cureUrl: facts.rejection.cureUrl } : {}),
        },
      };
    default:
      return assertNever(alert.kind, "alert kind");
  }
}

/**
 * The notice that takes back one ballot's message about `status` from a batch that was held for review: one per
 * (ballot, hold), in the voter's language, to the channels that got the wrong message.
 */
export function noticeOfRetraction(input: {
  readonly ballotKey: string;
  readonly ballotId: string;
  readonly voterId: string;
  readonly county: string;
  readonly holdId: string;
  readonly atMs: number;
}): Notice {
  return {
    ballotKey: input.ballotKey,
    ballotId: input.ballotId,
    voterId: input.voterId,
    county: input.county,
    milestone: "retraction",
    topic: `retraction:${input.holdId}`,
    occurredAtMs: input.atMs,
    details: {},
  };
}

/**
 * Whether a held notice has lost its point once `newer` is known, so that it is folded into the newer one rather
 * than sent (DESIGN.md, Quiet hours): the newest status speaks for the older ones ("received" says it was delivered
 * and sent back), and progress makes a reminder or a lost-ballot alert moot.
 */
export function isObsoletedBy(held: Notice, newer: Notice): boolean {
  if (held.ballotKey !== newer.ballotKey || held.topic === newer.topic) return false;
  if (newer.status === undefined) return false;
  if (held.status !== undefined) {
    return newer.milestone === "correction" || rankOf(newer.status) >= rankOf(held.status);
  }
  switch (held.milestone) {
    case "lost_suspected":
      return true;
    case "return_deadline_reminder":
      return rankOf(newer.status) >= rankOf("returned_by_voter");
    case "cure_deadline_reminder":
      return newer.status === "cured" || newer.status === "accepted" || newer.status === "counted";
    default:
      return false;
  }
}
