import type { BallotStatusChanged } from "@ballot/contracts";
import { noticeOfStatusChange } from "@ballot/core";
import type { Logger } from "@ballot/runtime";
import type { NotifierDeps } from "../deps.ts";
import { factsForStatus } from "../facts.ts";
import { notifyVoter } from "../notify.ts";
import { holdForReview } from "../safety-hold.ts";

export async function handleStatusChanged(deps: NotifierDeps, change: BallotStatusChanged, log: Logger): Promise<void> {
  const notice = noticeOfStatusChange(change, await factsForStatus(deps, change.ballotKey, change.to));
  if (!notice) return;
  if (await holdForReview(deps, change, notice, log)) return;
  await notifyVoter(deps, notice, log);
}
