import {
  type Channel,
  type CorrectedStatus,
  channels,
  messageIdOf,
  type Notice,
  noticeOfStatusChange,
  planNotifications,
  statusNoticeTopicOf,
} from "@ballot/core";
import { isTransientError, type Logger, PermanentError, TransientError } from "@ballot/runtime";
import { requestConfirmation } from "./confirmations.ts";
import { deliverMessage, sendableOf } from "./deliver.ts";
import type { NotifierDeps } from "./deps.ts";
import { factsForStatus } from "./facts.ts";

/**
 * Tells the voter about one notice: plans one message per confirmed channel with the core planner, folds held
 * messages the notice makes obsolete, holds what falls in quiet hours and sends the rest. Every channel is tried;
 * if any failed transiently, the event is retried (what was sent is not sent again).
 */
export async function notifyVoter(
  deps: NotifierDeps,
  notice: Notice,
  log: Logger,
  /** Only these channels (a retraction goes where the wrong message went); all by default. */
  onlyChannels?: readonly Channel[],
): Promise<void> {
  const subscribed = await deps.subscriptions.load(notice.voterId);
  if (!subscribed) return;
  const subscription = onlyChannels
    ? { ...subscribed, channels: subscribed.channels.filter((entry) => onlyChannels.includes(entry.channel)) }
    : subscribed;
  const county = deps.countySettingsOf(notice.county);
  if (!county) throw new PermanentError(`no notification settings for county ${notice.county}`);
  const nowMs = deps.now();
  const held = await deps.held.heldOf(notice.ballotKey);
  const plan = planNotifications({
    notice,
    subscription,
    county,
    nowMs,
    held: held.map((message) => ({ messageId: message.messageId, channel: message.channel, notice: message.notice })),
    corrected: await correctedStatusOf(deps, notice),
  });
  for (const fold of plan.folded) {
    await deps.held.drop(notice.ballotKey, fold.heldMessageId);
    await deps.notifications.markFolded(fold.heldMessageId, fold.intoMessageId);
    log.info({ heldMessageId: fold.heldMessageId, intoMessageId: fold.intoMessageId }, "held message folded");
  }
  for (const heldMessageId of plan.withdrawn) {
    await deps.held.drop(notice.ballotKey, heldMessageId);
    await deps.notifications.markDead(
      heldMessageId,
      "withdrawn: the county corrected the status before it went",
      nowMs,
    );
    log.info({ heldMessageId }, "held message withdrawn: the county corrected its status before it went");
  }
  const outcomes = await Promise.allSettled(
    plan.messages.map(async (message) => {
      if (message.sendAtMs > nowMs) {
        // A redelivered event at night must not hold again what already went out in the day.
        const record = await deps.notifications.get(message.messageId);
        if (record && record.state !== "claimed" && record.state !== "retry") return;
        await deps.held.hold(message);
        log.info({ messageId: message.messageId, sendAtMs: message.sendAtMs }, "held for quiet hours");
        return;
      }
      await deliverMessage(deps, sendableOf(message), log);
    }),
  );
  // A pending channel is asked to confirm (once): nothing else is sent to it before the voter says yes.
  for (const entry of subscription.channels) {
    if (entry.consent === "pending") await requestConfirmation(deps, subscription, entry, notice.county, log);
  }
  const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as unknown] : []));
  if (failures.length === 0) return;
  const lasting = failures.find((failure) => !isTransientError(failure));
  if (lasting) throw lasting;
  throw new TransientError(`${failures.length} of ${plan.messages.length} messages must be retried`, {
    cause: failures[0],
    context: { ballotKey: notice.ballotKey },
  });
}

/** The channels on which a ballot's message of one topic went out (a correction or retraction goes only there). */
export async function channelsSent(deps: NotifierDeps, ballotKey: string, topic: string): Promise<Channel[]> {
  const records = await Promise.all(
    channels.map((channel) => deps.notifications.get(messageIdOf(ballotKey, topic, channel))),
  );
  return channels.filter((_, index) => records[index]?.state === "sent");
}

/**
 * For a county correction (a move back to a lower status): the channels on which the voter was told the status it
 * undoes, and the notice of the status it is now, for the others (planNotifications says what goes where). Nothing
 * for any other notice, or a correction from before corrections named what they undo.
 */
async function correctedStatusOf(deps: NotifierDeps, notice: Notice): Promise<CorrectedStatus | undefined> {
  if (notice.milestone !== "correction" || !notice.undoes || !notice.status) return undefined;
  const undoneTopic = statusNoticeTopicOf(notice.undoes);
  const change = {
    ballotKey: notice.ballotKey,
    ballotId: notice.ballotId,
    voterId: notice.voterId,
    county: notice.county,
    from: null,
    to: notice.status,
    occurredAt: new Date(notice.occurredAtMs).toISOString(),
  };
  const [toldOn, facts] = await Promise.all([
    undoneTopic ? channelsSent(deps, notice.ballotKey, undoneTopic) : [],
    factsForStatus(deps, notice.ballotKey, notice.status),
  ]);
  return { toldOn, current: noticeOfStatusChange(change, facts) };
}
