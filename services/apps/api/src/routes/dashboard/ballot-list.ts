import { viewBallot } from "@ballot/core";
import type { DashboardDeps } from "./support.ts";

/** One ballot in a dashboard list: ids, status and dates only, nothing about the voter. */
export interface ListedBallot {
  readonly ballotId: string;
  /** Mailer id and serial of the outbound IMb. */
  readonly ballotKey: string;
  readonly status: string;
  readonly statusAt: string;
  readonly zip: string;
  readonly reasonCode?: string;
  readonly cureDeadline?: string;
}

/**
 * The ballots of a queue page (members with their scores), read in one round trip. A ballot gone from Redis since
 * the queue was read is left out.
 */
export async function listedBallots(
  deps: DashboardDeps,
  members: readonly string[],
): Promise<{ ballot: ListedBallot; score: number }[]> {
  const ballotKeys: string[] = [];
  const scores: number[] = [];
  for (let index = 0; index + 1 < members.length; index += 2) {
    ballotKeys.push(members[index] as string);
    scores.push(Number(members[index + 1]));
  }
  const stored = await deps.store.loadMany(ballotKeys);
  const listed: { ballot: ListedBallot; score: number }[] = [];
  stored.forEach((ballot, index) => {
    const view = ballot ? viewBallot(ballot.state) : undefined;
    if (!ballot || !view) return;
    listed.push({
      ballot: {
        ballotId: ballot.state.ballotId ?? "",
        ballotKey: ballotKeys[index] as string,
        status: view.status,
        statusAt: new Date(view.statusAtMs).toISOString(),
        zip: ballot.state.zip ?? "",
        ...(view.rejection?.reasonCode ? { reasonCode: view.rejection.reasonCode } : {}),
        ...(view.rejection?.cureDeadline ? { cureDeadline: view.rejection.cureDeadline } : {}),
      },
      score: scores[index] as number,
    });
  });
  return listed;
}
