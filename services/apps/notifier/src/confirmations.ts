import { phoneHashOf } from "@ballot/adapters";
import { type ChannelSubscription, isWithinWindow, nextSendTimeMs, type Subscription, wallClockAt } from "@ballot/core";
import { isTransientError, type Logger } from "@ballot/runtime";
import { deliverMessage, linkOf } from "./deliver.ts";
import type { NotifierDeps } from "./deps.ts";

export type ConfirmationOutcome = "sent" | "already_done" | "dead_lettered" | "not_pending" | "outside_window";

/**
 * Asks one pending SMS or email channel to confirm: "reply YES" by text (the only text sent before a YES), or a
 * signed one-time link by email. Once per pending episode: the message id carries the address and the time the
 * channel last changed, so a new address, or a sign-up again after STOP, asks again. Inside the contact window only.
 */
export async function requestConfirmation(
  deps: NotifierDeps,
  subscription: Subscription,
  entry: ChannelSubscription,
  county: string,
  log: Logger,
): Promise<ConfirmationOutcome> {
  if (entry.consent !== "pending" || entry.channel === "voice") return "not_pending";
  const settings = deps.countySettingsOf(county);
  if (!settings) return "not_pending";
  const window = entry.window ?? settings.contactWindow;
  if (!isWithinWindow(wallClockAt(deps.now(), settings.timeZone).minute, window)) return "outside_window";
  const variables: Record<string, string> = {
    countyName: settings.name,
    smsName: settings.smsName,
    countyPhone: settings.phone,
    trackUrl: settings.trackUrl,
  };
  if (entry.channel === "email") variables.confirmUrl = linkOf(deps, "confirm", subscription.voterId, "email");
  const addressHash = phoneHashOf(entry.address).slice(0, 12);
  return deliverMessage(
    deps,
    {
      messageId: `confirm:${subscription.voterId}:${entry.channel}:${addressHash}:${entry.updatedAtMs}`,
      voterId: subscription.voterId,
      county: settings.county,
      channel: entry.channel,
      address: entry.address,
      language: entry.language ?? subscription.language,
      templateId: entry.channel === "sms" ? "sms_confirm_request" : "email_confirm",
      variables,
    },
    log,
  );
}

/**
 * Sends the confirmation requests the API queued (`confirm-queue`, member `<voterId>|<channel>`): each due member
 * is sent and removed; one outside its contact window is re-scored to when the window opens; one no longer
 * pending is removed; a transient failure leaves it for the next run.
 */
export async function sendQueuedConfirmations(deps: NotifierDeps, log: Logger, limit = 256): Promise<number> {
  const queue = deps.keys.confirmationRequests();
  const members = await deps.redis.zrangebyscore(queue, "-inf", deps.now(), "LIMIT", 0, limit);
  let sent = 0;
  for (const member of members) {
    const [voterId = "", channel = ""] = member.split("|");
    const subscription = await deps.subscriptions.load(voterId);
    const entry = subscription?.channels.find((candidate) => candidate.channel === channel);
    if (!subscription || !entry || entry.consent !== "pending") {
      await deps.redis.zrem(queue, member);
      continue;
    }
    const county =
      (await deps.redis.hget(deps.keys.voter(voterId), "county")) ?? deps.countySettingsOf(undefined)?.county;
    const settings = county ? deps.countySettingsOf(county) : undefined;
    if (!settings) {
      log.warn({ voterId, channel }, "no county settings for a queued confirmation request; dropping it");
      await deps.redis.zrem(queue, member);
      continue;
    }
    try {
      const outcome = await requestConfirmation(deps, subscription, entry, settings.county, log);
      if (outcome === "outside_window") {
        const opensAtMs = nextSendTimeMs(deps.now(), settings.timeZone, entry.window ?? settings.contactWindow);
        await deps.redis.zadd(queue, "XX", opensAtMs, member);
        continue;
      }
      if (outcome === "sent") sent += 1;
      await deps.redis.zrem(queue, member);
    } catch (error) {
      if (!isTransientError(error)) throw error;
      log.warn({ err: error, voterId, channel }, "confirmation request not sent yet; will retry");
    }
  }
  return sent;
}
