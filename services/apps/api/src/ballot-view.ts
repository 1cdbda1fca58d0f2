import type { RedisBallotStore, StoredBallot } from "@ballot/adapters";
import { type BallotStatus, viewBallot } from "@ballot/core";

/** A ballot as the voter sees it. */
export interface BallotView {
  readonly ballotId: string;
  readonly electionId: string;
  readonly status: BallotStatus;
  readonly asOf: string;
  readonly timeline: { readonly status: BallotStatus; readonly at: string; readonly reasonCode?: string }[];
  readonly expectedDeliveryDate?: string;
  /** While the ballot stands rejected or waits for a cure: why, and how to fix it when the county said. */
  readonly rejection?: { readonly reason: string; readonly cureDeadline?: string; readonly cureUrl?: string };
}

/**
 * Ids that no voter or ballot can have (real ones are `[A-Za-z0-9._-]`): a lookup that finds nobody still reads a
 * voter's ballot list and a ballot under these, so that it does the same Redis work as one that finds a voter and takes
 * about as long (a faster "not found" would tell who is on the roll).
 */
const decoyVoterId = "~decoy";
const decoyBallotKey = "~decoy";

/**
 * The voters an identity matches (kept to `voterId` when given) and, when exactly one does, that voter's ballots,
 * newest issue first. Always one script call that reads the identity's voters, a voter's ballot list and at least one
 * ballot (a decoy's, unless exactly one voter matched).
 */
export async function readBallotsOfIdentity(
  store: RedisBallotStore,
  identityKey: string,
  voterId: string | undefined,
): Promise<{ readonly matches: number; readonly voterId?: string; readonly ballots: BallotView[] }> {
  const found = await store.loadOfIdentity(identityKey, voterId, {
    voterId: decoyVoterId,
    ballotKeys: [decoyBallotKey],
  });
  return found.voterId === undefined
    ? { matches: found.matches, ballots: [] }
    : { matches: found.matches, voterId: found.voterId, ballots: viewsOf(found.ballots) };
}

/** Ballots as the voter sees them, newest issue first. */
function viewsOf(stored: readonly StoredBallot[]): BallotView[] {
  const views: { view: BallotView; issuedAtMs: number }[] = [];
  for (const ballot of stored) {
    const state = ballot?.state;
    const view = state && viewBallot(state);
    if (!state?.ballotId || !state.electionId || !view) continue;
    views.push({
      issuedAtMs: state.issuedAtMs ?? 0,
      view: {
        ballotId: state.ballotId,
        electionId: state.electionId,
        status: view.status,
        asOf: new Date(state.asOfMs).toISOString(),
        timeline: view.timeline.map((entry) => ({
          status: entry.status,
          at: new Date(entry.atMs).toISOString(),
          ...(entry.reasonCode ? { reasonCode: entry.reasonCode } : {}),
        })),
        ...(state.expectedDeliveryDate ? { expectedDeliveryDate: state.expectedDeliveryDate.date } : {}),
        ...(view.rejection
          ? {
              rejection: {
                reason: view.rejection.reasonCode,
                ...(view.rejection.cureDeadline ? { cureDeadline: view.rejection.cureDeadline } : {}),
                ...(view.rejection.cureUrl ? { cureUrl: view.rejection.cureUrl } : {}),
              },
            }
          : {}),
      },
    });
  }
  return views.sort((a, b) => b.issuedAtMs - a.issuedAtMs).map((entry) => entry.view);
}
