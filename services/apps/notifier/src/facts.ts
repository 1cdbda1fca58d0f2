import type { BallotFacts, BallotStatus } from "@ballot/core";
import { viewBallot } from "@ballot/core";
import type { NotifierDeps } from "./deps.ts";

/** Statuses whose notice quotes the ballot's stored state (a rejection's reason and deadline, a delivery date). */
const needsFacts: ReadonlySet<BallotStatus> = new Set(["rejected", "cure_pending", "out_for_delivery"]);

/** What a notice may quote from the ballot's stored state: its delivery date and its rejection. */
export async function loadFacts(deps: NotifierDeps, ballotKey: string): Promise<BallotFacts> {
  const stored = await deps.ballots.load(ballotKey);
  if (!stored) return {};
  const view = viewBallot(stored.state);
  return {
    expectedDeliveryDate: stored.state.expectedDeliveryDate?.date,
    ...(view?.rejection ? { rejection: view.rejection } : {}),
  };
}

/** The facts a notice of a change to `status` quotes; none read when it quotes none. */
export const factsForStatus = (deps: NotifierDeps, ballotKey: string, status: BallotStatus): Promise<BallotFacts> =>
  needsFacts.has(status) ? loadFacts(deps, ballotKey) : Promise.resolve({});
