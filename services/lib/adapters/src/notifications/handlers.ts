import type { RedisKeys } from "@ballot/contracts";
import {
  applySmsKeyword,
  type Channel,
  type CountyNotificationSettings,
  channels,
  parseSmsKeyword,
  renderMessage,
  type SmsKeyword,
  viewBallot,
} from "@ballot/core";
import twilio from "twilio";
import { RedisBallotStore } from "../redis/ballot-store.ts";
import type { Redis } from "../redis/connection.ts";
import type { RedisNotificationLog } from "../redis/notification-log.ts";
import type { RedisSubscriptionStore } from "../redis/subscription-store.ts";
import { verifyLinkToken } from "./link-tokens.ts";
import { isResendSignatureValid, isTwilioSignatureValid } from "./webhook-signatures.ts";

/**
 * What the voter-facing webhooks and links need. Shared by the notifier's HTTP server and the API, which can mount
 * the same handlers: each takes the request's parts and returns a status, a body and its type.
 */
export interface NotificationHandlerDeps {
  readonly redis: Redis;
  readonly keys: RedisKeys;
  readonly subscriptions: RedisSubscriptionStore;
  readonly notifications: RedisNotificationLog;
  /** HMAC key of confirmation and unsubscribe links. */
  readonly linkSecret: string;
  /** Twilio's auth token: signs its webhooks. Undefined: every Twilio webhook is refused (fail closed). */
  readonly twilioAuthToken?: string | undefined;
  /** Resend's webhook signing secret (`whsec_...`). Undefined: every Resend webhook is refused. */
  readonly resendWebhookSecret?: string | undefined;
  /** A county's settings, for the words of SMS replies; `undefined` county: the default one. */
  readonly countySettingsOf: (county: string | undefined) => CountyNotificationSettings | undefined;
}

export interface HandlerResponse {
  readonly status: number;
  readonly body: string;
  readonly contentType: "text/plain" | "text/xml" | "application/json";
}

const text = (status: number, body: string): HandlerResponse => ({ status, body, contentType: "text/plain" });

export type LinkOutcome = "confirmed" | "unsubscribed" | "already_used" | "expired" | "invalid" | "no_such_channel";

/**
 * Redeems a confirmation link (once: its token id is recorded until it expires) or an unsubscribe link (any number
 * of times, as mail clients' one-click POSTs may repeat).
 */
export async function redeemLinkToken(
  deps: NotificationHandlerDeps,
  token: string,
  nowMs: number,
): Promise<LinkOutcome> {
  const verified = verifyLinkToken(token, deps.linkSecret, nowMs);
  if (!verified.ok) return verified.error === "expired" ? "expired" : "invalid";
  const claims = verified.value;
  if (claims.action === "confirm") {
    const first = await deps.redis.set(
      deps.keys.usedLinkToken(claims.tokenId),
      "1",
      "PX",
      Math.max(1, claims.expiresAtMs - nowMs),
      "NX",
    );
    if (first !== "OK") return "already_used";
  }
  const consent = claims.action === "confirm" ? "confirmed" : "opted_out";
  const updated = await deps.subscriptions.setConsent(claims.voterId, claims.channel, consent, nowMs);
  if (!updated) return "no_such_channel";
  return claims.action === "confirm" ? "confirmed" : "unsubscribed";
}

async function statusOfVoter(deps: NotificationHandlerDeps, voterId: string): Promise<string | undefined> {
  const ballots = await new RedisBallotStore(deps.redis, deps.keys).loadOfVoter(voterId);
  let newest: { issuedAtMs: number; status: string } | undefined;
  for (const stored of ballots) {
    const view = viewBallot(stored.state);
    if (!view) continue;
    const issuedAtMs = stored.state.issuedAtMs ?? 0;
    if (!newest || issuedAtMs > newest.issuedAtMs) newest = { issuedAtMs, status: view.status };
  }
  return newest?.status;
}

export interface InboundSmsOutcome {
  readonly keyword?: SmsKeyword | undefined;
  /** The reply to send back, in the voter's language; undefined when nothing may be sent (after STOP). */
  readonly reply?: string | undefined;
}

/**
 * An inbound text from `from` (E.164): YES confirms the SMS channel (nothing but the confirmation request is sent
 * before it), STOP and its synonyms opt out with one acknowledgement, START opts back in, HELP and STATUS answer.
 * Anything else gets no answer.
 */
export async function handleInboundSms(
  deps: NotificationHandlerDeps,
  input: { readonly from: string; readonly body: string; readonly nowMs: number },
): Promise<InboundSmsOutcome> {
  const keyword = parseSmsKeyword(input.body);
  if (!keyword) return {};
  const voterId = await deps.subscriptions.voterOfPhone(input.from);
  const subscription = voterId ? await deps.subscriptions.load(voterId) : undefined;
  const outcome = applySmsKeyword(subscription, keyword, input.nowMs);
  const sms = outcome.subscription?.channels.find((entry) => entry.channel === "sms");
  if (voterId && sms) await deps.subscriptions.setConsent(voterId, "sms", sms.consent, input.nowMs);
  if (outcome.reply === "none") return { keyword };
  const county = voterId ? ((await deps.redis.hget(deps.keys.voter(voterId), "county")) ?? undefined) : undefined;
  const settings = deps.countySettingsOf(county) ?? deps.countySettingsOf(undefined);
  if (!settings) return { keyword };
  const variables: Record<string, string> = {
    countyName: settings.name,
    smsName: settings.smsName,
    countyPhone: settings.phone,
    trackUrl: settings.trackUrl,
  };
  if (outcome.reply === "status_reply" && voterId) {
    const status = await statusOfVoter(deps, voterId);
    if (status) variables.status = status;
  }
  const reply = outcome.reply === "status_reply" && !variables.status ? "help" : outcome.reply;
  const rendered = renderMessage(reply, "sms", subscription?.language ?? "en", variables);
  return { keyword, reply: rendered.ok && rendered.value.channel === "sms" ? rendered.value.text : undefined };
}

/** Twilio's inbound SMS webhook: signature checked (fail closed), then the keyword handled, the reply as TwiML. */
export async function handleTwilioInboundWebhook(
  deps: NotificationHandlerDeps,
  request: { readonly url: string; readonly signature: string | undefined; readonly params: Record<string, string> },
  nowMs: number,
): Promise<HandlerResponse> {
  if (!isTwilioSignatureValid({ authToken: deps.twilioAuthToken, ...request })) return text(403, "bad signature");
  const outcome = await handleInboundSms(deps, {
    from: request.params.From ?? "",
    body: request.params.Body ?? "",
    nowMs,
  });
  const response = new twilio.twiml.MessagingResponse();
  if (outcome.reply) response.message(outcome.reply);
  return { status: 200, body: response.toString(), contentType: "text/xml" };
}

/** Twilio's status callback for a text or a call: signature checked, the status recorded on our message. */
export async function handleTwilioStatusWebhook(
  deps: NotificationHandlerDeps,
  request: { readonly url: string; readonly signature: string | undefined; readonly params: Record<string, string> },
  nowMs: number,
): Promise<HandlerResponse> {
  if (!isTwilioSignatureValid({ authToken: deps.twilioAuthToken, ...request })) return text(403, "bad signature");
  const { params } = request;
  const sid = params.MessageSid ?? params.CallSid;
  const status = params.MessageStatus ?? params.CallStatus;
  if (!sid || !status) return text(400, "no sid or status");
  const messageId = await deps.notifications.recordDelivery("twilio", sid, status, nowMs, params.ErrorCode);
  // 21610: the carrier says the recipient replied STOP; nothing more may be texted.
  if (messageId && params.ErrorCode === "21610" && params.To) {
    const voterId = await deps.subscriptions.voterOfPhone(params.To);
    if (voterId) await deps.subscriptions.setConsent(voterId, "sms", "opted_out", nowMs);
  } else if (messageId && params.ErrorCode && refusedTwilioDeliveryCodes.has(params.ErrorCode)) {
    await markRecipientRefused(deps, messageId, `twilio ${params.ErrorCode}`, nowMs);
  }
  return text(messageId ? 200 : 202, messageId ? "recorded" : "not ours");
}

/**
 * Twilio delivery errors that say the number will never take a text (https://www.twilio.com/docs/api/errors): 30005
 * unknown or inactive number, 30006 a landline or a carrier that cannot take texts. Others (30003 phone off, 30008
 * unknown) may pass on a later try.
 */
const refusedTwilioDeliveryCodes: ReadonlySet<string> = new Set(["30005", "30006"]);

/**
 * A delivery report that the recipient's address will never take a message (a hard bounce, a dead number): the
 * voter's channel is marked refused, unless it changed after the message was sent (it is another address now).
 */
async function markRecipientRefused(deps: NotificationHandlerDeps, messageId: string, reason: string, nowMs: number) {
  const [voterId, channel, sentAtMs] = await deps.redis.hmget(
    deps.keys.notification(messageId),
    "voterId",
    "channel",
    "sentAtMs",
  );
  if (!voterId || !channel || !(channels as readonly string[]).includes(channel)) return;
  await deps.subscriptions.markRefused(voterId, channel as Channel, reason, nowMs, {
    sentAtMs: sentAtMs ? Number(sentAtMs) : nowMs,
  });
}

const resendStatuses: Readonly<Record<string, string>> = {
  "email.sent": "sent",
  "email.delivered": "delivered",
  "email.delivery_delayed": "delayed",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.failed": "failed",
  "email.opened": "opened",
  "email.clicked": "clicked",
};

/** Resend's webhook (Svix-signed): signature checked (fail closed), the delivery status recorded on our message. */
export async function handleResendWebhook(
  deps: NotificationHandlerDeps,
  request: {
    readonly headers: { readonly id?: string; readonly timestamp?: string; readonly signature?: string };
    readonly body: string;
  },
  nowMs: number,
): Promise<HandlerResponse> {
  if (!isResendSignatureValid({ secret: deps.resendWebhookSecret, ...request, nowMs })) {
    return text(403, "bad signature");
  }
  let event: { type?: string; data?: { email_id?: string } };
  try {
    event = JSON.parse(request.body) as typeof event;
  } catch {
    return text(400, "not JSON");
  }
  const status = event.type ? resendStatuses[event.type] : undefined;
  const emailId = event.data?.email_id;
  if (!status || !emailId) return text(202, "ignored");
  const messageId = await deps.notifications.recordDelivery("resend", emailId, status, nowMs);
  if (messageId && status === "complained") {
    const record = await deps.redis.hget(deps.keys.notification(messageId), "voterId");
    if (record) await deps.subscriptions.setConsent(record, "email", "opted_out", nowMs);
  } else if (messageId && status === "bounced") {
    await markRecipientRefused(deps, messageId, "resend bounced", nowMs);
  }
  return text(messageId ? 200 : 202, messageId ? "recorded" : "not ours");
}
