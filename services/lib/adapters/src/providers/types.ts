import type { Channel } from "@ballot/core";

interface OutgoingBase {
  /** Ours: `<ballotKey>:<topic>:<channel>`, or a service message's own id. */
  readonly messageId: string;
  /** The same for every attempt at one message, so a provider that saw an earlier attempt does not send twice. */
  readonly idempotencyKey: string;
  /** E.164 number or email address: personal data, never logged. */
  readonly to: string;
  readonly from: string;
}

export interface OutgoingEmail extends OutgoingBase {
  readonly channel: "email";
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** One-click unsubscribe (RFC 8058): the List-Unsubscribe URL, which also takes the List-Unsubscribe-Post. */
  readonly unsubscribeUrl?: string | undefined;
}

export interface OutgoingSms extends OutgoingBase {
  readonly channel: "sms";
  readonly text: string;
  readonly statusCallbackUrl?: string | undefined;
}

export interface OutgoingCall extends OutgoingBase {
  readonly channel: "voice";
  /** Sentences to say in order, each in its voice and language. */
  readonly says: readonly { readonly text: string; readonly voice: string; readonly language: string }[];
  readonly statusCallbackUrl?: string | undefined;
}

export type OutgoingMessage = OutgoingEmail | OutgoingSms | OutgoingCall;

export interface SendReceipt {
  /** `resend`, `twilio`, `outbox`: which webhooks speak of it. */
  readonly provider: string;
  readonly providerMessageId: string;
}

/**
 * A port: sends one message or throws `TransientError` (429, 5xx, no connection: retry later) or `PermanentError`
 * (invalid address, unsubscribed recipient: dead-letter), with the vendor's status in the error's context.
 */
export interface MessageSender<Message extends OutgoingMessage = OutgoingMessage> {
  readonly provider: string;
  send(message: Message): Promise<SendReceipt>;
}

export type EmailSender = MessageSender<OutgoingEmail>;
export type SmsSender = MessageSender<OutgoingSms>;
export type VoiceSender = MessageSender<OutgoingCall>;

export interface Senders {
  readonly email: EmailSender;
  readonly sms: SmsSender;
  readonly voice: VoiceSender;
}

export type SenderOf<C extends Channel> = Senders[C];
