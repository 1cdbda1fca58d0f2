import { assertNever } from "../result/index.ts";
import type { ChannelSubscription, Subscription } from "./subscription.ts";
import { setConsent } from "./subscription.ts";

export const smsKeywords = ["yes", "stop", "start", "help", "status"] as const;
export type SmsKeyword = (typeof smsKeywords)[number];

/** Carriers' standard opt-out and opt-in words (CTIA; what Twilio's Advanced Opt-Out honours too). */
const synonyms: ReadonlyMap<string, SmsKeyword> = new Map([
  ["YES", "yes"],
  ["Y", "yes"],
  ["STOP", "stop"],
  ["STOPALL", "stop"],
  ["UNSUBSCRIBE", "stop"],
  ["CANCEL", "stop"],
  ["END", "stop"],
  ["QUIT", "stop"],
  ["OPTOUT", "stop"],
  ["REVOKE", "stop"],
  ["START", "start"],
  ["UNSTOP", "start"],
  ["HELP", "help"],
  ["INFO", "help"],
  ["STATUS", "status"],
]);

/** The keyword an inbound SMS is, if it is one: the whole message, any case, spaces and punctuation aside. */
export function parseSmsKeyword(body: string): SmsKeyword | undefined {
  const word = body
    .normalize("NFKC")
    .trim()
    .replace(/[\s.!?'"]+/g, "")
    .toUpperCase();
  return synonyms.get(word);
}

/** What an inbound keyword does: the new subscription (if it changes) and which reply to send. */
export interface KeywordOutcome {
  readonly subscription?: Subscription | undefined;
  /** The reply template; `none` after STOP from an already opted-out number (nothing more may be sent). */
  readonly reply: "sms_confirmed" | "stop_ack" | "start_ack" | "help" | "status_reply" | "not_subscribed" | "none";
}

/**
 * The effect of an inbound keyword from the number of an SMS channel. YES confirms a pending channel (and re-opts in),
 * STOP opts out (one acknowledgement, then silence), START opts back in, HELP and STATUS only answer; an opted-out
 * number gets no answer but to START or YES.
 */
export function applySmsKeyword(
  subscription: Subscription | undefined,
  keyword: SmsKeyword,
  nowMs: number,
): KeywordOutcome {
  const sms: ChannelSubscription | undefined = subscription?.channels.find((entry) => entry.channel === "sms");
  if (!subscription || !sms) return { reply: keyword === "stop" ? "none" : "not_subscribed" };
  switch (keyword) {
    case "yes":
      return { subscription: setConsent(subscription, "sms", "confirmed", nowMs), reply: "sms_confirmed" };
    case "start":
      return { subscription: setConsent(subscription, "sms", "confirmed", nowMs), reply: "start_ack" };
    case "stop":
      if (sms.consent === "opted_out") return { reply: "none" };
      return { subscription: setConsent(subscription, "sms", "opted_out", nowMs), reply: "stop_ack" };
    case "help":
      return { reply: sms.consent === "opted_out" ? "none" : "help" };
    case "status":
      return { reply: sms.consent === "confirmed" ? "status_reply" : sms.consent === "pending" ? "help" : "none" };
    default:
      return assertNever(keyword, "keyword");
  }
}
