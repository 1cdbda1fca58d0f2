import { phoneHashOf } from "@ballot/adapters";
import { isWithinWindow, type Notice, planNotifications, type Subscription, wallClockAt } from "@ballot/core";
import { isTransientError, type Logger, PermanentError, TransientError } from "@ballot/runtime";
import { deliverMessage, linkOf, sendableOf } from "./deliver.ts";
import type { NotifierDeps } from "./deps.ts";

/**
 * Asks a pending SMS or email channel to confirm, once per address: "reply YES" by text (the only text sent before
 * a YES), or a signed one-time link by email. Inside the contact window only; the next notice asks again if not.
 */
async function requestConfirmations(deps: NotifierDeps, subscription: Subscription, county: string, log: Logger) {
  const settings = deps.countySettingsOf(county);
  if (!settings) return;
  const minute = wallClockAt(deps.now(), settings.timeZone).minute;
  for (const entry of subscription.channels) {
    if (entry.consent !== "pending" || entry.channel === "voice") continue;
    if (!isWithinWindow(minute, entry.window ?? settings.contactWindow)) continue;
    const variables: Record<string, string> = {
      countyName: settings.name,
      smsName: settings.smsName,
      countyPhone: settings.phone,
      trackUrl: settings.trackUrl,
    };
    if (entry.channel === "email") variables.confirmUrl = linkOf(deps, "confirm", subscription.voterId, "email");
    await deliverMessage(
      deps,
      {
        messageId: `confirm:${subscription.voterId}:${entry.channel}:${phoneHashOf(entry.address).slice(0, 12)}`,
        voterId: subscription.voterId,
        county,
        channel: entry.channel,
        address: entry.address,
        language: entry.language ?? subscription.language,
        templateId: entry.channel === "sms" ? "sms_confirm_request" : "email_confirm",
        variables,
      },
      log,
    );
  }
}

/**
 * Tells the voter about one notice: plans one message per confirmed channel with the core planner, folds held
 * messages the notice makes obsolete, holds what falls in quiet hours and sends the rest. Every channel is tried;
 * if any failed transiently, the event is retried (what was sent is not sent again).
 */
export async function notifyVoter(deps: NotifierDeps, notice: Notice, log: Logger): Promise<void> {
  const subscription = await deps.subscriptions.load(notice.voterId);
  if (!subscription) return;
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
  });
  for (const fold of plan.folded) {
    await deps.held.drop(notice.ballotKey, fold.heldMessageId);
    await deps.notifications.markFolded(fold.heldMessageId, fold.intoMessageId);
    log.info({ heldMessageId: fold.heldMessageId, intoMessageId: fold.intoMessageId }, "held message folded");
  }
  const outcomes = await Promise.allSettled(
    plan.messages.map(async (message) => {
      if (message.sendAtMs > nowMs) {
        await deps.held.hold(message);
        log.info({ messageId: message.messageId, sendAtMs: message.sendAtMs }, "held for quiet hours");
        return;
      }
      await deliverMessage(deps, sendableOf(message), log);
    }),
  );
  if (plan.skipped.some((skip) => skip.why === "not_confirmed")) {
    await requestConfirmations(deps, subscription, notice.county, log);
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
