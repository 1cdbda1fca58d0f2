import { contentMessageId } from "@ballot/adapters";
import { signLinkToken } from "@ballot/adapters/notifications";
import { isUnsubscribedRecipient, type OutgoingMessage } from "@ballot/adapters/providers";
import {
  assertNever,
  type Channel,
  type CountyNotificationSettings,
  type Language,
  type PlannedMessage,
  type RenderedMessage,
  renderMessage,
  type TemplateId,
} from "@ballot/core";
import { describeError, isPermanentError, type Logger, TransientError } from "@ballot/runtime";
import type { NotifierDeps } from "./deps.ts";

const dayMs = 86_400_000;
/** An unsubscribe link works for an election cycle; a confirmation link for a week. */
export const unsubscribeLinkTtlMs = 400 * dayMs;
export const confirmLinkTtlMs = 7 * dayMs;

export function linkOf(
  deps: NotifierDeps,
  action: "confirm" | "unsubscribe",
  voterId: string,
  channel: Channel,
): string {
  const token = signLinkToken(
    {
      action,
      voterId,
      channel,
      expiresAtMs: deps.now() + (action === "confirm" ? confirmLinkTtlMs : unsubscribeLinkTtlMs),
    },
    deps.linkSecret,
  );
  return `${deps.linkBaseUrl}/v1/notify/${action}?token=${encodeURIComponent(token)}`;
}

/** What one message is, as far as sending goes: planned milestone messages and service messages alike. */
export interface Sendable {
  readonly messageId: string;
  readonly ballotKey?: string | undefined;
  readonly voterId: string;
  readonly county: string;
  readonly channel: Channel;
  readonly address: string;
  readonly language: Language;
  readonly templateId: TemplateId;
  readonly variables: Readonly<Record<string, string>>;
  /**
   * A one-off notice to an address that is no longer subscribed (a previous contact): no unsubscribe link, which
   * would act on the voter's current subscription.
   */
  readonly toFormerContact?: true;
}

function outgoingOf(
  deps: NotifierDeps,
  message: Sendable,
  rendered: RenderedMessage,
  county: CountyNotificationSettings,
  unsubscribeUrl: string | undefined,
): OutgoingMessage {
  const base = { messageId: message.messageId, idempotencyKey: message.messageId, to: message.address };
  const statusCallbackUrl = deps.statusCallbackBaseUrl
    ? `${deps.statusCallbackBaseUrl}/v1/notify/webhooks/twilio/status`
    : undefined;
  switch (rendered.channel) {
    case "email":
      return { ...base, ...rendered, from: county.emailFrom, unsubscribeUrl };
    case "sms":
      return { ...base, channel: "sms", from: county.smsFrom, text: rendered.text, statusCallbackUrl };
    case "voice":
      return { ...base, channel: "voice", from: county.smsFrom, says: rendered.says, statusCallbackUrl };
    default:
      return assertNever(rendered, "rendered channel");
  }
}

async function deadLetter(deps: NotifierDeps, message: Sendable, reason: string): Promise<void> {
  await deps.notifications.markDead(message.messageId, reason, deps.now(), {
    county: message.county,
    channel: message.channel,
  });
  // No address in the letter: it names the message, and the subscription says where it was going.
  const raw = JSON.stringify({
    messageId: message.messageId,
    ballotKey: message.ballotKey,
    voterId: message.voterId,
    county: message.county,
    channel: message.channel,
    templateId: message.templateId,
    language: message.language,
  });
  await deps.publisher.publish(
    deps.catalog.subjects.deadLetter("notifier"),
    { source: "notifier", reason, raw, receivedAt: new Date(deps.now()).toISOString() },
    contentMessageId(message.messageId, "dead"),
  );
}

export type DeliveryOutcome = "sent" | "already_done" | "dead_lettered";

/**
 * Sends one message at most once: rendered first (a template that lacks a variable is never sent), then claimed in
 * Redis before the provider call, sent with the message id as the provider's idempotency key (so a claim left by a
 * sender that died mid-send is retried without a second message), then marked sent. A permanent refusal
 * dead-letters the message (and an unsubscribed recipient is opted out); a transient one gives the claim back and
 * throws for the consumer to retry with backoff; anything else (a bug) gives it back too and dead-letters the event.
 */
export async function deliverMessage(deps: NotifierDeps, message: Sendable, log: Logger): Promise<DeliveryOutcome> {
  // Fields rather than a child logger: a child per message costs more than the rest of the logging.
  const fields = { messageId: message.messageId, channel: message.channel, language: message.language };
  const county = deps.countySettingsOf(message.county);
  if (!county) {
    await deadLetter(deps, message, `no notification settings for county ${message.county}`);
    return "dead_lettered";
  }
  const unsubscribeUrl =
    message.channel === "email" && !message.toFormerContact
      ? linkOf(deps, "unsubscribe", message.voterId, message.channel)
      : undefined;
  const rendered = renderMessage(message.templateId, message.channel, message.language, {
    ...message.variables,
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
  });
  if (!rendered.ok) {
    log.error({ ...fields, renderError: rendered.error }, "template cannot be rendered; dead-lettering the message");
    await deadLetter(deps, message, `render failed: ${JSON.stringify(rendered.error)}`);
    return "dead_lettered";
  }
  const claim = await deps.notifications.claim(message.messageId, deps.now(), deps.sendLeaseMs);
  if (claim.outcome === "done") return "already_done";
  if (claim.outcome === "busy") {
    throw new TransientError("another sender holds this message", { context: { messageId: message.messageId } });
  }
  if (claim.attempts > 1)
    log.info({ ...fields, attempts: claim.attempts }, "sending again with the same idempotency key");
  const sender = deps.senders[message.channel] as {
    send(outgoing: OutgoingMessage): Promise<{ provider: string; providerMessageId: string }>;
  };
  try {
    const receipt = await sender.send(outgoingOf(deps, message, rendered.value, county, unsubscribeUrl));
    await deps.notifications.markSent(message.messageId, receipt, message.voterId, deps.now(), {
      county: message.county,
      channel: message.channel,
    });
    log.info({ ...fields, provider: receipt.provider, providerMessageId: receipt.providerMessageId }, "message sent");
    return "sent";
  } catch (error) {
    if (isPermanentError(error)) {
      log.warn({ ...fields, err: error }, "provider refused the message for good; dead-lettering it");
      if (isUnsubscribedRecipient(error)) {
        await deps.subscriptions.setConsent(message.voterId, message.channel, "opted_out", deps.now());
      } else if (!message.toFormerContact) {
        // Refused for good (an invalid or landline number, an address the provider will not take): the dashboard
        // counts the channel as one that cannot reach the voter, until the voter gives another address.
        await deps.subscriptions.markRefused(message.voterId, message.channel, describeError(error), deps.now(), {
          address: message.address,
        });
      }
      await deadLetter(deps, message, describeError(error));
      return "dead_lettered";
    }
    // Transient (retried with backoff) or a bug (the event is dead-lettered): either way the claim is given back.
    await deps.notifications.release(message.messageId, describeError(error));
    throw error;
  }
}

export const sendableOf = (planned: PlannedMessage): Sendable => ({
  messageId: planned.messageId,
  ballotKey: planned.ballotKey,
  voterId: planned.voterId,
  county: planned.county,
  channel: planned.channel,
  address: planned.address,
  language: planned.language,
  templateId: planned.templateId,
  variables: planned.variables,
});
