import type { HoldJob } from "@ballot/adapters/redis/safety-holds";
import type { BallotStatusChanged } from "@ballot/contracts";
import {
  assertNever,
  currentStatus,
  defaultSafetyHold,
  isWatchedByHold,
  type Notice,
  noticeOfRetraction,
  safetyHoldThreshold,
} from "@ballot/core";
import { isTransientError, type Logger } from "@ballot/runtime";
import type { NotifierDeps } from "./deps.ts";
import { channelsSent, notifyVoter } from "./notify.ts";

/** Held notices sent per job and tick, and ballots a correction looks at per tick. */
const releasePageSize = 200;
const correctionPageSize = 500;

/**
 * Counts a batch's change toward the county's threshold (safety-hold.ts in `@ballot/core`), and keeps the notice
 * back when the batch is past it: true when the notice must not go out now (held for review, or the approver
 * discarded the batch). Changes that no batch caused, and statuses the county does not watch, always go.
 */
export async function holdForReview(
  deps: NotifierDeps,
  change: BallotStatusChanged,
  notice: Notice,
  log: Logger,
): Promise<boolean> {
  if (!change.batchId) return false;
  const settings = deps.countySettingsOf(change.county)?.safetyHold ?? defaultSafetyHold;
  if (!isWatchedByHold(change.to, settings)) return false;
  const tally = await deps.safetyHolds.tally({
    county: change.county,
    batchId: change.batchId,
    status: change.to,
    from: change.from,
    ballotKey: change.ballotKey,
    ballotId: change.ballotId,
    topic: notice.topic,
    nowMs: deps.now(),
    thresholdOf: (countyBallots) => safetyHoldThreshold(countyBallots, settings),
  });
  const fields = { holdId: tally.holdId, county: change.county, ordinal: tally.ordinal };
  let state = tally.decision;
  if (state === "held") {
    // Only a voter who can be told has a notice worth keeping; the count covers every ballot.
    if (!(await deps.subscriptions.load(change.voterId))) return true;
    state = await deps.safetyHolds.keep(change.county, tally.holdId, notice);
  }
  switch (state) {
    case "send":
    case "released":
      return false;
    case "held":
      log.info(fields, "notice held for review: the batch moved an unusual share of the county's ballots");
      return true;
    case "discarded":
      log.info(fields, "notice dropped: an approver discarded the batch");
      return true;
    default:
      return assertNever(state, "safety hold decision");
  }
}

/**
 * The approvers' decisions, carried out: a released hold's notices go through the normal path (subscription as it is
 * now, quiet hours, one message per ballot, milestone and channel), a page per tick; a requested correction tells
 * every voter whom the batch's status reached, on each channel that got it, that the message was wrong.
 */
export async function workOnSafetyHolds(deps: NotifierDeps, log: Logger): Promise<number> {
  const counties = await deps.redis.smembers(deps.keys.counties());
  let worked = 0;
  for (const county of counties) {
    const jobs = await deps.safetyHolds.leaseJobs(county, deps.now(), deps.sendLeaseMs);
    for (const job of jobs) {
      const jobLog = log.child({ county, holdId: job.holdId, action: job.action });
      try {
        const done =
          job.action === "release"
            ? await releasePage(deps, county, job, jobLog)
            : await correctPage(deps, county, job, jobLog);
        await deps.safetyHolds.settleJob(county, job, done, deps.now());
        worked += 1;
      } catch (error) {
        // Left leased: it comes back when the lease ends, and what was sent is not sent again.
        if (isTransientError(error)) jobLog.warn({ err: error }, "safety hold work not done yet; will retry");
        else jobLog.error({ err: error }, "safety hold work failed; will retry");
      }
    }
  }
  return worked;
}

async function releasePage(deps: NotifierDeps, county: string, job: HoldJob, log: Logger): Promise<boolean> {
  const notices = await deps.safetyHolds.heldNotices(county, job.holdId, releasePageSize);
  if (notices.length === 0) return true;
  const dealtWith: string[] = [];
  let failure: unknown;
  await Promise.all(
    notices.map(async (notice) => {
      try {
        // A ballot that has moved on since (the county fixed it) is not told old news.
        const stored = await deps.ballots.load(notice.ballotKey);
        if (stored && currentStatus(stored.state) === notice.status) await notifyVoter(deps, notice, log);
        dealtWith.push(notice.ballotKey);
      } catch (error) {
        failure ??= error;
      }
    }),
  );
  await deps.safetyHolds.dropHeld(county, job.holdId, dealtWith);
  if (failure) throw failure;
  log.info({ sent: dealtWith.length }, "held notices released");
  return false;
}

async function correctPage(deps: NotifierDeps, county: string, job: HoldJob, log: Logger): Promise<boolean> {
  const page = await deps.safetyHolds.correctionPage(county, job.holdId, correctionPageSize);
  let told = 0;
  await Promise.all(
    page.ballots.map(async ({ ballotKey, topic }) => {
      const reached = await channelsSent(deps, ballotKey, topic);
      if (reached.length === 0) return;
      const stored = await deps.ballots.load(ballotKey);
      if (!stored?.state.voterId || !stored.state.ballotId) return;
      const notice = noticeOfRetraction({
        ballotKey,
        ballotId: stored.state.ballotId,
        voterId: stored.state.voterId,
        county,
        holdId: job.holdId,
        atMs: deps.now(),
      });
      await notifyVoter(deps, notice, log, reached);
      told += 1;
    }),
  );
  // Only a page done whole moves the cursor: a retried page sends nothing twice (one message per ballot and channel).
  await deps.safetyHolds.advanceCorrection(county, job.holdId, page.next, told, deps.now());
  if (told > 0) log.info({ told }, "retractions sent for a held batch");
  return page.next === "0";
}
