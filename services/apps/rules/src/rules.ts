import { contentMessageId, type JetStreamPublisher, parseStoredBallot, type Redis } from "@ballot/adapters";
import { type BallotAlert, type Catalog, idOfSlot, type RedisKeys } from "@ballot/contracts";
import { currentStatus, isAwaitingReturn } from "@ballot/core";
import type { Logger } from "@ballot/runtime";
import type { RulesSettings } from "./env.ts";

export interface RulesDeps {
  readonly redis: Redis;
  readonly keys: RedisKeys;
  readonly catalog: Catalog;
  readonly publisher: JetStreamPublisher;
  readonly settings: RulesSettings;
  readonly log: Logger;
}

export interface RulesOutcome {
  lostSuspected: number;
  cureReminders: number;
  returnReminders: number;
}

const daySeconds = 86_400;
const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * Raises an alert once: the county's `alertsRaised` hash remembers `<ballotKey>:<kind>` -> what it was about, so a
 * rule that runs every minute does not repeat itself, and a changed subject (a newer last scan, a new deadline)
 * raises it again. The message id is derived from the same, so a crash between the two repeats nothing either.
 */
async function raiseOnce(deps: RulesDeps, alert: BallotAlert, about: string): Promise<boolean> {
  const field = `${alert.ballotKey}:${alert.kind}`;
  const raised = deps.keys.alertsRaised(alert.county);
  if ((await deps.redis.hget(raised, field)) === about) return false;
  await deps.publisher.publish(deps.catalog.subjects.alert, alert, contentMessageId(field, about));
  await deps.redis.hset(raised, field, about);
  return true;
}

/** The ballot's ids for an alert, read from its hash; undefined for a ballot not issued to a voter. */
async function alertSubject(deps: RulesDeps, ballotKey: string) {
  const state = parseStoredBallot(await deps.redis.hget(...deps.keys.ballot(ballotKey)))?.state;
  if (!state) return undefined;
  if (!state.ballotId || !state.voterId || !state.county || !state.electionId) return undefined;
  return {
    state,
    ballotKey,
    ballotId: state.ballotId,
    voterId: state.voterId,
    county: state.county,
    electionId: state.electionId,
  };
}

async function* zrangeByScore(redis: Redis, key: string, min: number, max: number, pageSize = 1_000) {
  for (let offset = 0; ; offset += pageSize) {
    const page = await redis.zrangebyscore(key, min, max, "WITHSCORES", "LIMIT", offset, pageSize);
    for (let index = 0; index < page.length; index += 2)
      yield { member: page[index] as string, score: Number(page[index + 1]) };
    if (page.length < pageSize * 2) return;
  }
}

/**
 * One run of the time-based rules at `now`, in bulk over the county queues the tracker keeps, never one timer per
 * ballot: ballots in the mail with no sign of life for the county's number of days (lost), cure deadlines coming
 * up, and, in the days before an election, ballots not yet back.
 */
export async function runRules(deps: RulesDeps, now: Date): Promise<RulesOutcome> {
  const outcome: RulesOutcome = { lostSuspected: 0, cureReminders: 0, returnReminders: 0 };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const raisedAt = now.toISOString();
  const counties = await deps.redis.smembers(deps.keys.counties());
  for (const county of counties) {
    const quietSince = nowSeconds - deps.settings.lostAfterDays(county) * daySeconds;
    for await (const { member, score } of zrangeByScore(deps.redis, deps.keys.inMail(county), 0, quietSince)) {
      const subject = await alertSubject(deps, member);
      if (!subject) continue;
      const { state: _state, ...ids } = subject;
      const lastSeenAt = new Date(score * 1000).toISOString();
      if (await raiseOnce(deps, { kind: "lost_suspected", ...ids, lastSeenAt, raisedAt }, lastSeenAt))
        outcome.lostSuspected += 1;
    }
    const remindUntil = nowSeconds + deps.settings.cureReminderDays * daySeconds;
    for await (const { member, score } of zrangeByScore(
      deps.redis,
      deps.keys.cureQueue(county),
      nowSeconds,
      remindUntil,
    )) {
      const subject = await alertSubject(deps, member);
      if (!subject) continue;
      const { state: _state, ...ids } = subject;
      const deadline = isoDay(score);
      if (await raiseOnce(deps, { kind: "cure_deadline_reminder", ...ids, deadline, raisedAt }, deadline)) {
        outcome.cureReminders += 1;
      }
    }
  }
  outcome.returnReminders = await remindUnreturned(deps, now, counties);
  return outcome;
}

/**
 * In the reminder window before each election day, every ballot of that election the county still waits for. It
 * walks the ballots once per run inside the window (a SCAN, in pages); outside any window it reads nothing.
 */
async function remindUnreturned(deps: RulesDeps, now: Date, counties: readonly string[]): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const due = new Map<string, string>();
  for (const [electionId, electionDay] of deps.settings.electionDates) {
    const windowStart = isoDay(
      Date.parse(`${electionDay}T00:00:00Z`) / 1000 - deps.settings.returnReminderDays * daySeconds,
    );
    if (today >= windowStart && today < electionDay) due.set(electionId, electionDay);
  }
  if (due.size === 0 || counties.length === 0) return 0;
  let reminded = 0;
  let cursor = "0";
  do {
    const [next, buckets] = await deps.redis.scan(cursor, "MATCH", deps.keys.ballotBuckets(), "COUNT", 1_000);
    for (const bucket of buckets) {
      for (const [field, value] of Object.entries(await deps.redis.hgetall(bucket))) {
        if (await remindIfDue(deps, now, due, idOfSlot(bucket, field), value)) reminded += 1;
      }
    }
    cursor = next;
  } while (cursor !== "0");
  return reminded;
}

/** A stored ballot's return-deadline reminder, raised once if its election is in its window and it is not back. */
async function remindIfDue(
  deps: RulesDeps,
  now: Date,
  due: ReadonlyMap<string, string>,
  ballotKey: string,
  value: string,
): Promise<boolean> {
  const state = parseStoredBallot(value)?.state;
  const deadline = state?.electionId ? due.get(state.electionId) : undefined;
  const status = state && currentStatus(state);
  if (!state || !deadline || !status || !isAwaitingReturn(status)) return false;
  if (!state.ballotId || !state.voterId || !state.county || !state.electionId) return false;
  const alert: BallotAlert = {
    kind: "return_deadline_reminder",
    ballotKey,
    ballotId: state.ballotId,
    voterId: state.voterId,
    county: state.county,
    electionId: state.electionId,
    deadline,
    raisedAt: now.toISOString(),
  };
  return raiseOnce(deps, alert, `${state.electionId}@${deadline}`);
}
