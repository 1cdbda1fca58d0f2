import type { Milestone, Notice } from "./milestones.ts";
import { isCurableReason, isObsoletedBy } from "./milestones.ts";
import { nextSendTimeMs } from "./quiet-hours.ts";
import type { Channel, CountyNotificationSettings, Language, Subscription } from "./subscription.ts";

/** Which template a message uses: the milestone, with "not counted" split by whether a cure form applies. */
export type NoticeTemplateId = Exclude<Milestone, "not_counted"> | "not_counted_cure" | "not_counted_other";

/** One message to one address about one notice, planned but not yet rendered. */
export interface PlannedMessage {
  /** `<ballotKey>:<topic>:<channel>`: the dedupe key and the provider's idempotency key. */
  readonly messageId: string;
  readonly ballotKey: string;
  readonly voterId: string;
  readonly county: string;
  readonly channel: Channel;
  readonly address: string;
  readonly language: Language;
  readonly templateId: NoticeTemplateId;
  readonly notice: Notice;
  /** Template variables that do not depend on the language (dates stay ISO; the renderer localises them). */
  readonly variables: Readonly<Record<string, string>>;
  /** Now, or when the contact window next opens. */
  readonly sendAtMs: number;
}

/** A message held for quiet hours, as the planner needs to see it. */
export interface HeldMessage {
  readonly messageId: string;
  readonly channel: Channel;
  readonly notice: Notice;
}

export interface NotificationPlan {
  /** Messages to send now (`sendAtMs` <= now) or to hold until `sendAtMs`. */
  readonly messages: readonly PlannedMessage[];
  /** Held messages a newer notice made obsolete: dropped, their news carried by `intoMessageId`. */
  readonly folded: readonly { readonly heldMessageId: string; readonly intoMessageId: string }[];
  /** Held messages a correction made wrong where nothing replaces them (the corrected status is not news): dropped. */
  readonly withdrawn: readonly string[];
  /** Channels that get nothing, and why (for logs and counters). */
  readonly skipped: readonly { readonly channel: Channel; readonly why: "not_confirmed" | "opted_out" }[];
}

export const messageIdOf = (ballotKey: string, topic: string, channel: Channel): string =>
  `${ballotKey}:${topic}:${channel}`;

function templateIdOf(notice: Notice): NoticeTemplateId {
  if (notice.milestone !== "not_counted") return notice.milestone;
  const reason = notice.details.reason ?? "other";
  // A cure form needs a deadline to be useful; without one the voter is sent to the county's phone line.
  return isCurableReason(reason) && notice.details.deadline ? "not_counted_cure" : "not_counted_other";
}

/** The variables every message takes from the county's settings. */
export const countyVariablesOf = (county: CountyNotificationSettings): Record<string, string> => ({
  countyName: county.name,
  smsName: county.smsName,
  countyPhone: county.phone,
  trackUrl: county.trackUrl,
});

function variablesOf(notice: Notice, county: CountyNotificationSettings): Record<string, string> {
  const variables = countyVariablesOf(county);
  const { details } = notice;
  if (details.deadline) variables.deadline = details.deadline;
  if (details.expectedDate) variables.expectedDate = details.expectedDate;
  if (details.reason) variables.reason = details.reason;
  if (notice.milestone === "not_counted" || notice.milestone === "cure_deadline_reminder") {
    variables.cureUrl = details.cureUrl ?? county.cureFormUrl;
  }
  if (notice.milestone === "correction" && notice.status) variables.status = notice.status;
  return variables;
}

/**
 * What a correction needs to know to say "our last message was wrong" only to a voter who got that message: the
 * channels on which the status it corrects was sent, and the notice of the ballot's status as it now is (none when
 * that status is not news, such as issued).
 */
export interface CorrectedStatus {
  readonly toldOn: readonly Channel[];
  readonly current?: Notice | undefined;
}

/**
 * Plans what one notice sends to one voter (pure: time is an argument). Each confirmed channel gets one message,
 * now if the voter's contact window is open in the county's zone, else held until it opens; a held message of the
 * same ballot and channel that this notice makes obsolete is folded into it.
 *
 * A correction (given `corrected`) goes only on the channels that were told the status it corrects. On the others the
 * voter was never told the wrong status (its message was held for review or for quiet hours, or the channel came
 * later), so they get the status as it now is instead, as if the wrong one had never been: once per topic as always,
 * so a status told before is not told again. A held message there that the correction makes wrong is folded into that
 * one, or withdrawn when the status as it now is is not news.
 */
export function planNotifications(input: {
  readonly notice: Notice;
  readonly subscription: Subscription;
  readonly county: CountyNotificationSettings;
  readonly nowMs: number;
  readonly held?: readonly HeldMessage[];
  readonly corrected?: CorrectedStatus | undefined;
}): NotificationPlan {
  const { notice, subscription, county, nowMs, corrected } = input;
  const messages: PlannedMessage[] = [];
  const folded: { heldMessageId: string; intoMessageId: string }[] = [];
  const withdrawn: string[] = [];
  const skipped: { channel: Channel; why: "not_confirmed" | "opted_out" }[] = [];
  for (const entry of subscription.channels) {
    if (entry.consent !== "confirmed") {
      skipped.push({ channel: entry.channel, why: entry.consent === "opted_out" ? "opted_out" : "not_confirmed" });
      continue;
    }
    const obsolete = (input.held ?? []).filter(
      (held) => held.channel === entry.channel && isObsoletedBy(held.notice, notice),
    );
    const told = notice.milestone !== "correction" || !corrected || corrected.toldOn.includes(entry.channel);
    const sent = told ? notice : corrected?.current;
    if (!sent) {
      withdrawn.push(...obsolete.map((held) => held.messageId));
      continue;
    }
    const messageId = messageIdOf(sent.ballotKey, sent.topic, entry.channel);
    messages.push({
      messageId,
      ballotKey: sent.ballotKey,
      voterId: sent.voterId,
      county: sent.county,
      channel: entry.channel,
      address: entry.address,
      language: entry.language ?? subscription.language,
      templateId: templateIdOf(sent),
      notice: sent,
      variables: variablesOf(sent, county),
      sendAtMs: nextSendTimeMs(nowMs, county.timeZone, entry.window ?? county.contactWindow),
    });
    for (const held of obsolete) {
      // The held message is this one (the status as it now is, still waiting): it stays held.
      if (held.messageId !== messageId) folded.push({ heldMessageId: held.messageId, intoMessageId: messageId });
    }
  }
  return { messages, folded, withdrawn, skipped };
}
