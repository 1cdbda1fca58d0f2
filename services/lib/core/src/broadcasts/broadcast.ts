import type { BallotStatus } from "../ballot/index.ts";
import {
  type Channel,
  type ContactWindow,
  type CountyNotificationSettings,
  channels,
  countyVariablesOf,
  type Language,
  languages,
  type Subscription,
} from "../notifications/index.ts";
import { err, ok, type Result } from "../result/index.ts";
import type { BroadcastKind } from "../templates/index.ts";
import { type RenderedMessage, renderMessage } from "../templates/index.ts";

/**
 * A broadcast's life: an operator drafts it, a second staff member approves it, it is sent in stages, and it can be
 * cancelled (the kill switch) at any point before it has been sent to everyone.
 */
export const broadcastStatuses = ["draft", "approved", "sending", "sent", "cancelled"] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];

/** The variables the official gives each kind; everything else in its templates comes from the county's settings. */
export const broadcastVariableNames: Readonly<Record<BroadcastKind, readonly string[]>> = {
  deadline_reminder: ["deadline"],
  polling_place_change: ["placeName", "placeAddress"],
};

/** Longest values, so that every language's SMS stays within two segments with the longest county settings. */
export const broadcastTextLimits: Readonly<Record<string, number>> = { placeName: 30, placeAddress: 60 };

/** A problem with what the official asked for, naming the field (`variables.deadline`, `audience.zips`). */
export interface BroadcastProblem {
  readonly field: string;
  readonly message: string;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const isRealDate = (text: string): boolean => {
  const match = isoDatePattern.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
};
// Control characters would break an SMS or a header; braces would read as a template's placeholder.
const unsafeText = /[\p{Cc}{}<>]/u;

/**
 * The variables of a broadcast, checked: every variable its kind uses must be given (no "vote at , ."), no other may
 * be (a typo must not be silently dropped), dates are real calendar days not before `today` (YYYY-MM-DD), texts are
 * short plain text.
 */
export function checkBroadcastVariables(
  kind: BroadcastKind,
  given: Readonly<Record<string, unknown>>,
  today: string,
): Result<Record<string, string>, BroadcastProblem> {
  const names = broadcastVariableNames[kind];
  for (const name of Object.keys(given)) {
    if (!names.includes(name)) {
      return err({
        field: `variables.${name}`,
        message: `${kind} has no variable ${name}; it takes ${names.join(", ")}`,
      });
    }
  }
  const values: Record<string, string> = {};
  for (const name of names) {
    const raw = given[name];
    const field = `variables.${name}`;
    if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
      return err({ field, message: `missing: the ${kind} template needs ${name}` });
    }
    if (typeof raw !== "string") return err({ field, message: "must be text" });
    const value = raw.trim();
    if (name === "deadline") {
      if (!isRealDate(value)) return err({ field, message: "a date as YYYY-MM-DD, like 2026-11-03" });
      if (value < today) return err({ field, message: `the date ${value} is in the past` });
    } else {
      const limit = broadcastTextLimits[name] ?? 60;
      if ([...value].length > limit) return err({ field, message: `at most ${limit} characters` });
      if (unsafeText.test(value)) return err({ field, message: "plain text only: no line breaks, braces or < >" });
    }
    values[name] = value;
  }
  return ok(values);
}

/** Who a broadcast goes to: the subscribers of one county whose ballot matches every filter given. */
export interface AudienceFilter {
  readonly electionId?: string | undefined;
  /** Residential ZIPs of the ballot (5 digits); none: every ZIP. */
  readonly zips?: readonly string[] | undefined;
  /** Current voter-facing statuses; none: every status. */
  readonly statuses?: readonly BallotStatus[] | undefined;
}

/** What the audience needs to know of one ballot. */
export interface AudienceBallot {
  readonly county?: string | undefined;
  readonly electionId?: string | undefined;
  readonly zip?: string | undefined;
  readonly status: BallotStatus;
}

/** Whether a voter with these ballots is in the audience: any of them, in the county, matching every filter. */
export function isInAudience(county: string, filter: AudienceFilter, ballots: readonly AudienceBallot[]): boolean {
  return ballots.some(
    (ballot) =>
      ballot.county === county &&
      (filter.electionId === undefined || ballot.electionId === filter.electionId) &&
      (filter.zips === undefined || filter.zips.length === 0 || filter.zips.includes(ballot.zip ?? "")) &&
      (filter.statuses === undefined || filter.statuses.length === 0 || filter.statuses.includes(ballot.status)),
  );
}

/** One message a broadcast sends: to a confirmed channel, in that channel's language. */
export interface BroadcastRecipient {
  readonly channel: Channel;
  readonly address: string;
  readonly language: Language;
  /** The channel's own contact window, when the voter set one (else the county's). */
  readonly window?: ContactWindow | undefined;
}

/** The channels of a subscription a broadcast may use: confirmed ones only (a pending SMS has not said YES). */
export const broadcastRecipientsOf = (subscription: Subscription): BroadcastRecipient[] =>
  subscription.channels
    .filter((entry) => entry.consent === "confirmed")
    .map((entry) => ({
      channel: entry.channel,
      address: entry.address,
      language: entry.language ?? subscription.language,
      ...(entry.window ? { window: entry.window } : {}),
    }));

/** The dedupe key of one broadcast message: one per broadcast, voter and channel, however often a stage is retried. */
export const broadcastMessageIdOf = (broadcastId: string, voterId: string, channel: Channel): string =>
  `broadcast:${broadcastId}:${voterId}:${channel}`;

export type ChannelCounts = Record<Channel, number> & { total: number };

/** An exact audience: voters reached, and the messages by language and channel. */
export interface AudienceCount {
  readonly voters: number;
  readonly messages: number;
  readonly byChannel: ChannelCounts;
  readonly byLanguage: Record<Language, ChannelCounts>;
}

const zeroChannels = (): ChannelCounts => ({ email: 0, sms: 0, voice: 0, total: 0 });

/** A running tally of an audience, one voter at a time. */
export function createAudienceTally() {
  let voters = 0;
  let messages = 0;
  const byChannel = zeroChannels();
  const byLanguage = Object.fromEntries(languages.map((language) => [language, zeroChannels()])) as Record<
    Language,
    ChannelCounts
  >;
  return {
    add(recipients: readonly BroadcastRecipient[]) {
      if (recipients.length === 0) return;
      voters += 1;
      for (const { channel, language } of recipients) {
        messages += 1;
        byChannel[channel] += 1;
        byChannel.total += 1;
        byLanguage[language][channel] += 1;
        byLanguage[language].total += 1;
      }
    },
    count: (): AudienceCount => ({ voters, messages, byChannel, byLanguage }),
  };
}

/** Shown where the voter's own link goes: each voter's email carries its own signed unsubscribe link. */
export const previewUnsubscribeUrl = "https://unsubscribe.example/each-voter-gets-their-own-link";

export type BroadcastPreview = Readonly<Record<Language, Readonly<Record<Channel, RenderedMessage>>>>;

/** A rendering that failed, for the official: which language and channel, and why. */
export interface PreviewProblem extends BroadcastProblem {
  readonly language: Language;
  readonly channel: Channel;
}

/** The variables a broadcast's messages render with: the county's, then the official's. */
export const broadcastTemplateVariablesOf = (
  county: CountyNotificationSettings,
  variables: Readonly<Record<string, string>>,
): Record<string, string> => ({ ...countyVariablesOf(county), ...variables });

/**
 * The broadcast as each voter would get it, in every language and on every channel. Refused when any one of them
 * cannot be rendered (a missing variable, an SMS over two segments): a broadcast goes out in every language or not
 * at all.
 */
export function renderBroadcastPreview(
  kind: BroadcastKind,
  variables: Readonly<Record<string, string>>,
  county: CountyNotificationSettings,
): Result<BroadcastPreview, PreviewProblem> {
  const values = { ...broadcastTemplateVariablesOf(county, variables), unsubscribeUrl: previewUnsubscribeUrl };
  const preview = {} as Record<Language, Record<Channel, RenderedMessage>>;
  for (const language of languages) {
    const messages = {} as Record<Channel, RenderedMessage>;
    for (const channel of channels) {
      const rendered = renderMessage(kind, channel, language, values);
      if (!rendered.ok) {
        const error = rendered.error;
        const message =
          error.kind === "missing_variables"
            ? `the ${language} ${channel} message needs ${error.missing.join(", ")}`
            : error.kind === "sms_too_long"
              ? `the ${language} text would take ${error.segments} SMS segments (at most 2): shorten the values`
              : `the ${language} template is not written for ${channel}`;
        const field = error.kind === "missing_variables" ? `variables.${error.missing[0]}` : "variables";
        return err({ field, message, language, channel });
      }
      messages[channel] = rendered.value;
    }
    preview[language] = messages;
  }
  return ok(preview);
}
