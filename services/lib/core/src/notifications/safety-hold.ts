import type { BallotStatus } from "../ballot/index.ts";

/**
 * When one upload or feed batch moves an unusual share of a county's ballots to one status, its notices beyond that
 * share are held for an approver (a county file with the wrong column, a feed replaying a bad day) instead of sent.
 */
export interface SafetyHoldSettings {
  /** The share of the county's ballots (0-1) one batch may move to one status before the rest is held. */
  readonly share: number;
  /** Never hold below this many ballots: a small county's ordinary upload is not unusual. */
  readonly minimumBallots: number;
  /**
   * The statuses a batch is watched for. By default the county's verdicts and undeliverable, where a wrong message
   * misleads a voter; USPS progress in the mail (mailed, in transit, delivered) moves in bulk every day.
   */
  readonly statuses: readonly BallotStatus[];
}

export const defaultSafetyHold: SafetyHoldSettings = {
  share: 0.05,
  minimumBallots: 50,
  statuses: ["undeliverable", "received", "rejected", "cure_pending", "cured", "accepted", "counted"],
};

/**
 * How many of a county's ballots one batch may move to one status and still notify: the settings' share of the
 * county's ballots (rounded up), and never fewer than the minimum. Fixed once, at the batch's first change to that
 * status, so that every later change of the batch is judged against the same number.
 */
export function safetyHoldThreshold(countyBallots: number, settings: SafetyHoldSettings = defaultSafetyHold): number {
  const ballots = Number.isFinite(countyBallots) && countyBallots > 0 ? Math.floor(countyBallots) : 0;
  return Math.max(settings.minimumBallots, Math.ceil(settings.share * ballots));
}

/** Whether a batch's changes to `status` are watched at all. */
export const isWatchedByHold = (status: BallotStatus, settings: SafetyHoldSettings = defaultSafetyHold): boolean =>
  settings.statuses.includes(status);

/**
 * Whether the `ordinal`-th ballot (1-based, in the order the batch's changes were counted) a batch moved to one
 * status is held: every one past the threshold, from the change that crosses it on. Those before it went out.
 */
export const isHeldBySafetyHold = (ordinal: number, threshold: number): boolean => ordinal > threshold;
