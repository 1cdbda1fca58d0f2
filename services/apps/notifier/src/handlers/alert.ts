import type { BallotAlert } from "@ballot/contracts";
import { noticeOfAlert } from "@ballot/core";
import type { Logger } from "@ballot/runtime";
import type { NotifierDeps } from "../deps.ts";
import { loadFacts } from "../facts.ts";
import { notifyVoter } from "../notify.ts";

export async function handleAlert(deps: NotifierDeps, alert: BallotAlert, log: Logger): Promise<void> {
  const facts = alert.kind === "cure_deadline_reminder" ? await loadFacts(deps, alert.ballotKey) : {};
  const notice = noticeOfAlert(alert, facts);
  await notifyVoter(deps, notice, log);
}
