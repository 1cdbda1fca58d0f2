import { type BallotStatus, type CountyStatus, rankOf, type UspsMilestone } from "./statuses.ts";

/** One piece of evidence about a ballot, as the tracker sees it after ingest normalised it. Times in epoch ms. */
export type BallotEvidence =
  | {
      readonly kind: "usps";
      readonly leg: "outbound" | "return";
      readonly milestone: UspsMilestone;
      readonly occurredAtMs: number;
      /** YYYY-MM-DD, when USPS gave one. */
      readonly expectedDeliveryDate?: string | undefined;
    }
  | {
      readonly kind: "county";
      /** `correction` retracts the county status just before it (see `effectiveCountyEntries`). */
      readonly status: CountyStatus;
      readonly occurredAtMs: number;
      readonly reasonCode?: string | undefined;
      readonly cureDeadline?: string | undefined;
      readonly cureUrl?: string | undefined;
    }
  | {
      readonly kind: "issued";
      readonly ballotId: string;
      readonly voterId: string;
      readonly county: string;
      readonly electionId: string;
      /** The delivery ZIP of the outbound envelope, for counts by ZIP. */
      readonly zip?: string | undefined;
      readonly occurredAtMs: number;
    };

export interface CountyEntry {
  readonly status: CountyStatus;
  readonly atMs: number;
  readonly reasonCode?: string | undefined;
  readonly cureDeadline?: string | undefined;
  readonly cureUrl?: string | undefined;
}

/** The statuses USPS evidence can put a ballot in. */
export type UspsStatus = "in_transit" | "out_for_delivery" | "delivered" | "undeliverable" | "returned_by_voter";

/**
 * A ballot's state: the join of its evidence. USPS scans keep the earliest time per status they imply; county
 * statuses are kept as a sorted set, because a correction retracts one of them. Every field is a join (minimum,
 * maximum or set union with a total order), so the same events in any order, any number of times, give the same
 * state: the reducer is order-insensitive and idempotent by construction.
 */
export interface BallotState {
  readonly ballotId?: string | undefined;
  readonly voterId?: string | undefined;
  readonly county?: string | undefined;
  readonly electionId?: string | undefined;
  readonly zip?: string | undefined;
  readonly issuedAtMs?: number | undefined;
  readonly usps: Readonly<Partial<Record<UspsStatus, number>>>;
  /** The latest scan of the outbound envelope, for the lost-ballot rule. */
  readonly lastOutboundScanAtMs?: number | undefined;
  /** The first delivery scan of the return envelope (USPS handed it to the county): that leg's exit scan. */
  readonly returnDeliveredAtMs?: number | undefined;
  readonly countyEvents: readonly CountyEntry[];
  /** When the freshest evidence happened. */
  readonly asOfMs: number;
  readonly expectedDeliveryDate?: { readonly date: string; readonly seenAtMs: number } | undefined;
}

export const emptyBallotState: BallotState = { usps: {}, countyEvents: [], asOfMs: 0 };

function uspsStatusOf(evidence: Extract<BallotEvidence, { kind: "usps" }>): UspsStatus {
  // Any scan of the return envelope means the voter's ballot is back in the mail (REFERENCE.md 5.7).
  return evidence.leg === "return" ? "returned_by_voter" : evidence.milestone;
}

function compareCountyEntries(a: CountyEntry, b: CountyEntry): number {
  return (
    a.atMs - b.atMs ||
    a.status.localeCompare(b.status) ||
    (a.reasonCode ?? "").localeCompare(b.reasonCode ?? "") ||
    (a.cureDeadline ?? "").localeCompare(b.cureDeadline ?? "") ||
    (a.cureUrl ?? "").localeCompare(b.cureUrl ?? "")
  );
}

function withCountyEntry(entries: readonly CountyEntry[], entry: CountyEntry): readonly CountyEntry[] {
  if (entries.some((existing) => compareCountyEntries(existing, entry) === 0)) return entries;
  return [...entries, entry].sort(compareCountyEntries);
}

/** Evidence is kept to the second: feeds carry no finer times, and the stored form stays exact. */
const toSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

export function applyEvidence(state: BallotState, evidence: BallotEvidence): BallotState {
  const atMs = toSecond(evidence.occurredAtMs);
  let next: BallotState = { ...state, asOfMs: Math.max(state.asOfMs, atMs) };
  switch (evidence.kind) {
    case "issued": {
      // The issuance record with the latest issue time wins (a re-sent record with new details replaces it).
      const isNewer =
        state.issuedAtMs === undefined ||
        atMs > state.issuedAtMs ||
        (atMs === state.issuedAtMs && evidence.ballotId >= (state.ballotId ?? ""));
      if (isNewer) {
        next = {
          ...next,
          ballotId: evidence.ballotId,
          voterId: evidence.voterId,
          county: evidence.county,
          electionId: evidence.electionId,
          zip: evidence.zip,
          issuedAtMs: atMs,
        };
      }
      return next;
    }
    case "county":
      return {
        ...next,
        countyEvents: withCountyEntry(state.countyEvents, {
          status: evidence.status,
          atMs,
          ...(evidence.reasonCode ? { reasonCode: evidence.reasonCode } : {}),
          ...(evidence.cureDeadline ? { cureDeadline: evidence.cureDeadline } : {}),
          ...(evidence.cureUrl ? { cureUrl: evidence.cureUrl } : {}),
        }),
      };
    case "usps": {
      const status = uspsStatusOf(evidence);
      const earliest = state.usps[status];
      next = {
        ...next,
        usps: { ...state.usps, [status]: earliest === undefined ? atMs : Math.min(earliest, atMs) },
      };
      if (evidence.leg === "outbound") {
        next = { ...next, lastOutboundScanAtMs: Math.max(state.lastOutboundScanAtMs ?? 0, atMs) };
      } else if (evidence.milestone === "delivered") {
        next = { ...next, returnDeliveredAtMs: Math.min(state.returnDeliveredAtMs ?? atMs, atMs) };
      }
      if (evidence.expectedDeliveryDate) {
        const seen = state.expectedDeliveryDate;
        const candidate = { date: evidence.expectedDeliveryDate, seenAtMs: atMs };
        const isNewer =
          !seen ||
          candidate.seenAtMs > seen.seenAtMs ||
          (candidate.seenAtMs === seen.seenAtMs && candidate.date > seen.date);
        if (isNewer) next = { ...next, expectedDeliveryDate: candidate };
      }
      return next;
    }
  }
}

/**
 * The county statuses that still stand: in time order, each `correction` retracts the latest status before it that
 * still stands ("the last status we sent was wrong"). The county then sends the right status, if any.
 */
export function effectiveCountyEntries(state: BallotState): CountyEntry[] {
  const standing: CountyEntry[] = [];
  for (const entry of state.countyEvents) {
    if (entry.status === "correction") standing.pop();
    else standing.push(entry);
  }
  return standing;
}

/** How many corrections the county has sent: a status reached again after a correction is a new change. */
export const correctionCount = (state: BallotState): number =>
  state.countyEvents.filter((entry) => entry.status === "correction").length;

/** Reasons a voter can fix by signing a statement (a "cure"), as California's signature cure process allows. */
const curableReasons: ReadonlySet<string> = new Set(["signature_mismatch", "signature_missing"]);

export interface TimelineEntry {
  readonly status: BallotStatus;
  /** The earliest evidence of this status that still stands. */
  readonly atMs: number;
  readonly reasonCode?: string | undefined;
}

export interface Rejection {
  readonly reasonCode: string;
  readonly cureDeadline?: string | undefined;
  readonly cureUrl?: string | undefined;
}

export interface BallotView {
  readonly status: BallotStatus;
  /** When the evidence of the current status happened. */
  readonly statusAtMs: number;
  readonly timeline: readonly TimelineEntry[];
  /** Present while the ballot stands rejected or waits for a cure. */
  readonly rejection?: Rejection | undefined;
}

function countyStatusView(entry: CountyEntry): BallotStatus {
  if (entry.status === "correction") throw new Error("corrections are resolved before this point");
  if (entry.status === "rejected" && entry.reasonCode && curableReasons.has(entry.reasonCode)) return "cure_pending";
  return entry.status;
}

/**
 * What the voter sees: the highest-ranked status that stands (later lifecycle stages outrank earlier ones, county
 * statuses outrank USPS scans, a cure or acceptance outranks a rejection), and the timeline of statuses reached.
 */
export function viewBallot(state: BallotState): BallotView | undefined {
  const earliest = new Map<BallotStatus, TimelineEntry>();
  const add = (entry: TimelineEntry) => {
    const current = earliest.get(entry.status);
    if (!current || entry.atMs < current.atMs) earliest.set(entry.status, entry);
  };
  if (state.issuedAtMs !== undefined) add({ status: "issued", atMs: state.issuedAtMs });
  for (const [status, atMs] of Object.entries(state.usps) as [UspsStatus, number][]) add({ status, atMs });
  const standing = effectiveCountyEntries(state);
  for (const entry of standing) {
    add({
      status: countyStatusView(entry),
      atMs: entry.atMs,
      ...(entry.reasonCode ? { reasonCode: entry.reasonCode } : {}),
    });
  }
  const timeline = [...earliest.values()].sort((a, b) => a.atMs - b.atMs || rankOf(a.status) - rankOf(b.status));
  let current: TimelineEntry | undefined;
  for (const entry of timeline) if (!current || rankOf(entry.status) >= rankOf(current.status)) current = entry;
  if (!current) return undefined;
  const lastRejection = standing.filter((entry) => entry.status === "rejected").at(-1);
  const isRejected = current.status === "rejected" || current.status === "cure_pending";
  return {
    status: current.status,
    statusAtMs: current.atMs,
    timeline,
    rejection:
      isRejected && lastRejection
        ? {
            reasonCode: lastRejection.reasonCode ?? "other",
            ...(lastRejection.cureDeadline ? { cureDeadline: lastRejection.cureDeadline } : {}),
            ...(lastRejection.cureUrl ? { cureUrl: lastRejection.cureUrl } : {}),
          }
        : undefined,
  };
}

/** The voter-facing status, or undefined for a ballot with no evidence yet. */
export const currentStatus = (state: BallotState): BallotStatus | undefined => viewBallot(state)?.status;

/** The statuses reached, oldest first, for the voter's page. */
export const timelineOf = (state: BallotState): readonly TimelineEntry[] => viewBallot(state)?.timeline ?? [];

const inTheMailOutbound: ReadonlySet<BallotStatus> = new Set(["mailed", "in_transit"]);

/**
 * A ballot on its way to the voter with no scan for `quietDays`: possibly lost (DESIGN.md `lost_suspected`). Time is
 * an argument: the rule runs in bulk over many ballots at one instant.
 */
export function isLostSuspected(state: BallotState, nowMs: number, quietDays: number): boolean {
  const status = currentStatus(state);
  if (!status || !inTheMailOutbound.has(status)) return false;
  const mailedAtMs = effectiveCountyEntries(state).find((entry) => entry.status === "mailed")?.atMs;
  const lastSignMs = Math.max(state.lastOutboundScanAtMs ?? 0, mailedAtMs ?? 0);
  return lastSignMs > 0 && nowMs - lastSignMs >= quietDays * 86_400_000;
}
