import type { BallotStatusChanged } from "@ballot/contracts";
import { type BallotFacts, noticeOfStatusChange, viewBallot } from "@ballot/core";
import type { Logger } from "@ballot/runtime";
import type { NotifierDeps } from "../deps.ts";
import { notifyVoter } from "../notify.ts";
import { holdForReview } from "../safety-hold.ts";

/** Statuses whose notice quotes the ballot's stored state (a rejection's reason and deadline, a delivery date). */
const needsFacts = new Set(["rejected", "cure_pending", "out_for_delivery"]);

export async function loadFacts(deps: NotifierDeps, ballotKey: string): Promise<BallotFacts> {
  const stored = await deps.ballots.load(ballotKey);
  if (!stored) return {};
  const view = viewBallot(stored.state);
  return {
    expectedDeliveryDate: stored.state.expectedDeliveryDate?.date,
    ...(view?.rejection ? { rejection: view.rejection } : {}),
  };
}

export async function handleStatusChanged(deps: NotifierDeps, change: BallotStatusChanged, log: Logger): Promise<void> {
  const facts = needsFacts.has(change.to) ? await loadFacts(deps, change.ballotKey) : {};
  const notice = noticeOfStatusChange(change, facts);
  if (!notice) return;
  if (await holdForReview(deps, change, notice, log)) return;
  await notifyVoter(deps, notice, log);
}
