import {
  createTwilioClient,
  OutboxSender,
  ResendEmailSender,
  rateLimited,
  type Senders,
  TwilioSmsSender,
  TwilioVoiceSender,
} from "@ballot/adapters/providers";
import type { NotifierEnv } from "./env.ts";

export interface SenderChoice {
  readonly senders: Senders;
  /** Which provider each channel uses, for the ready line: `resend`, `twilio` or `outbox`. */
  readonly providers: Readonly<Record<keyof Senders, string>>;
}

/**
 * Resend for email when RESEND_API_KEY is set, Twilio for SMS and voice when TWILIO_ACCOUNT_SID and
 * TWILIO_AUTH_TOKEN are; anything without credentials goes to the local outbox folder. Each is rate-limited.
 */
export function chooseSenders(
  env: Pick<
    NotifierEnv,
    | "RESEND_API_KEY"
    | "RESEND_BASE_URL"
    | "TWILIO_ACCOUNT_SID"
    | "TWILIO_AUTH_TOKEN"
    | "TWILIO_BASE_URL"
    | "NOTIFIER_OUTBOX_DIR"
    | "NOTIFIER_EMAIL_PER_SECOND"
    | "NOTIFIER_SMS_PER_SECOND"
    | "NOTIFIER_VOICE_PER_SECOND"
  >,
): SenderChoice {
  const outbox = new OutboxSender(env.NOTIFIER_OUTBOX_DIR);
  const email = env.RESEND_API_KEY
    ? new ResendEmailSender({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL })
    : outbox;
  const twilio =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
      ? createTwilioClient({
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          baseUrl: env.TWILIO_BASE_URL,
        })
      : undefined;
  const sms = twilio ? new TwilioSmsSender(twilio) : outbox;
  const voice = twilio ? new TwilioVoiceSender(twilio) : outbox;
  return {
    senders: {
      email: rateLimited(email, env.NOTIFIER_EMAIL_PER_SECOND),
      sms: rateLimited(sms, env.NOTIFIER_SMS_PER_SECOND),
      voice: rateLimited(voice, env.NOTIFIER_VOICE_PER_SECOND),
    },
    providers: { email: email.provider, sms: sms.provider, voice: voice.provider },
  };
}
