import { phoneHashOf } from "@ballot/adapters";
import { RedisContactChangeNotices } from "@ballot/adapters/redis/confirmation-requests";
import {
  type ChannelSubscription,
  isWithinWindow,
  languageOrEnglish,
  nextSendTimeMs,
  type Subscription,
  wallClockAt,
} from "@ballot/core";
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

/**
 * Tells previous contacts that a voter's alerts now go elsewhere (`contact-changed-queue`, recorded by the API when a
 * confirmed email or phone is replaced), in the voter's language, inside the county's contact window; a notice is
 * removed once sent (or refused for good), so the old address is not kept. Returns how many went out.
 */
export async function sendQueuedContactChangeNotices(deps: NotifierDeps, log: Logger, limit = 256): Promise<number> {
  const queue = new RedisContactChangeNotices(deps.redis, deps.keys);
  let sent = 0;
  for (const { member, notice } of await queue.due(deps.now(), limit)) {
    const county = await deps.redis.hget(deps.keys.voter(notice.voterId), "county");
    const settings = deps.countySettingsOf(county ?? undefined);
    if (!settings) {
      log.warn(
        { voterId: notice.voterId, channel: notice.channel },
        "no county settings for a contact notice; dropping it",
      );
      await queue.done(member);
      continue;
    }
    if (!isWithinWindow(wallClockAt(deps.now(), settings.timeZone).minute, settings.contactWindow)) {
      await queue.postpone(member, nextSendTimeMs(deps.now(), settings.timeZone, settings.contactWindow));
      continue;
    }
    try {
      const outcome = await deliverMessage(
        deps,
        {
          messageId: `contact-changed:${notice.voterId}:${notice.channel}:${phoneHashOf(notice.address).slice(0, 12)}:${notice.changedAtMs}`,
          voterId: notice.voterId,
          county: settings.county,
          channel: notice.channel,
          address: notice.address,
          language: languageOrEnglish(notice.language),
          templateId: "contact_changed",
          variables: { countyName: settings.name, smsName: settings.smsName, countyPhone: settings.phone },
          toFormerContact: true,
        },
        log,
      );
      if (outcome === "sent") sent += 1;
      await queue.done(member);
    } catch (error) {
      if (!isTransientError(error)) throw error;
      log.warn({ err: error, voterId: notice.voterId }, "contact notice not sent yet; will retry");
    }
  }
  return sent;
}
