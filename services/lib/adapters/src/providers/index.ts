export { OutboxSender, outboxFileOf } from "./outbox-sender.ts";
export { rateLimited } from "./rate-limited-sender.ts";
export { ResendEmailSender, type ResendEmailSenderOptions } from "./resend-email-sender.ts";
export {
  createTwilioClient,
  isUnsubscribedRecipient,
  permanentTwilioCodes,
  RebasedTwilioRequestClient,
  type TwilioOptions,
  TwilioSmsSender,
  TwilioVoiceSender,
  twimlOf,
} from "./twilio-senders.ts";
export type {
  EmailSender,
  MessageSender,
  OutgoingCall,
  OutgoingEmail,
  OutgoingMessage,
  OutgoingSms,
  Senders,
  SendReceipt,
  SmsSender,
  VoiceSender,
} from "./types.ts";
