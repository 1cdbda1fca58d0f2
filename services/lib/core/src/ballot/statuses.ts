/**
 * Voter-facing statuses (DESIGN.md, Ballot state): stable names used by the API, templates and dashboard, listed
 * in lifecycle order. The rank decides which evidence wins: later stages outrank earlier ones, and every county
 * status past `undeliverable` outranks every USPS scan.
 */
export const ballotStatuses = [
  "issued",
  "mailed",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "undeliverable",
  "returned_by_voter",
  "received",
  "rejected",
  "cure_pending",
  "cured",
  "accepted",
  "counted",
  "superseded",
] as const;

export type BallotStatus = (typeof ballotStatuses)[number];

const rankByStatus: ReadonlyMap<BallotStatus, number> = new Map(ballotStatuses.map((status, index) => [status, index]));

export function rankOf(status: BallotStatus): number {
  return rankByStatus.get(status) ?? 0;
}

export const isBallotStatus = (value: string): value is BallotStatus => rankByStatus.has(value as BallotStatus);

/** What USPS scans can tell about a piece (REFERENCE.md 5.7). */
export const uspsMilestones = ["in_transit", "out_for_delivery", "delivered", "undeliverable"] as const;
export type UspsMilestone = (typeof uspsMilestones)[number];

/**
 * Statuses a county reports in its `statuses` file. `correction` says the county's previous status for the ballot
 * was wrong (the state engine retracts it); the others are voter-facing statuses of the same name.
 */
export const countyStatuses = [
  "mailed",
  "undeliverable",
  "received",
  "accepted",
  "counted",
  "rejected",
  "cured",
  "superseded",
  "correction",
] as const;
export type CountyStatus = (typeof countyStatuses)[number];

/** Statuses of a ballot the county still waits to get back: the voter may need a return-deadline reminder. */
const awaitingReturn: ReadonlySet<BallotStatus> = new Set([
  "issued",
  "mailed",
  "in_transit",
  "out_for_delivery",
  "delivered",
]);
export const isAwaitingReturn = (status: BallotStatus): boolean => awaitingReturn.has(status);
