import { ballotStatuses, type ContactWindow, type CountyNotificationSettings, defaultSafetyHold } from "@ballot/core";
import { baseEnvSchema } from "@ballot/runtime";
import { z } from "zod";

const minuteOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** `08:00-21:00`, local time in the county's zone. `00:00-24:00` never holds anything. */
const contactWindowSchema = z
  .string()
  .regex(/^([01]\d|2[0-4]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, "HH:MM-HH:MM")
  .transform(
    (text): ContactWindow => ({ startMinute: minuteOf(text.slice(0, 5)), endMinute: minuteOf(text.slice(6)) }),
  );

const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "an IANA time zone, e.g. America/Los_Angeles");

/**
 * When one batch's notices are held for review: past `share` of the county's ballots moved to one of `statuses`,
 * and never below `minimumBallots` (defaults: `defaultSafetyHold`, 5% and 50, the county's verdicts).
 */
const safetyHoldSchema = z
  .object({
    share: z.number().gt(0).max(1).default(defaultSafetyHold.share),
    minimumBallots: z.number().int().min(0).default(defaultSafetyHold.minimumBallots),
    statuses: z.array(z.enum(ballotStatuses)).default([...defaultSafetyHold.statuses]),
  })
  .prefault({});

/** One county's notification settings; the bounds keep every SMS template within two segments. */
export const countySettingsSchema = z.object({
  name: z.string().min(1).max(40),
  smsName: z.string().min(1).max(14),
  phone: z.string().min(1).max(20),
  timeZone: timeZoneSchema.default("America/Los_Angeles"),
  trackUrl: z.url().max(60),
  cureFormUrl: z.url().max(60),
  emailFrom: z.string().min(3),
  smsFrom: z.string().regex(/^\+[1-9]\d{6,14}$/, "an E.164 number"),
  contactWindow: contactWindowSchema.prefault("08:00-21:00"),
  autoEnroll: z.boolean().default(false),
  safetyHold: safetyHoldSchema,
});

const countiesSchema = z
  .string()
  .default("{}")
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: 'must be JSON: {"06999": {"name": ...}}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), countySettingsSchema));

const delaysSchema = z
  .string()
  .default("1000,5000,15000,60000,300000")
  .transform((text) => text.split(",").map((part) => Number(part.trim())))
  .pipe(z.array(z.number().int().min(1)).min(1));

const perSecond = z.coerce.number().min(0).max(100_000);
const optionalSecret = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== "" ? value : undefined));

export const notifierEnvSchema = baseEnvSchema.extend({
  /** Per-county settings as JSON, keyed by county code (see README). */
  NOTIFIER_COUNTIES: countiesSchema,
  /** HMAC key of confirmation and unsubscribe links; shared with the API that serves them. */
  NOTIFIER_LINK_SECRET: z.string().min(32, "at least 32 characters"),
  /** Where the links in messages point: the API, or this notifier's own HTTP server. */
  NOTIFIER_LINK_BASE_URL: z.url().optional(),
  /** This notifier's address as Twilio sees it: status callbacks go there, and their signatures are over it. */
  NOTIFIER_PUBLIC_URL: z.url().optional(),
  NOTIFIER_PORT: z.coerce.number().int().min(0).max(65_535).default(8082),
  NOTIFIER_HOST: z.string().default("127.0.0.1"),
  NOTIFIER_OUTBOX_DIR: z.string().default(".data/outbox"),
  RESEND_API_KEY: optionalSecret,
  RESEND_BASE_URL: z.url().optional(),
  RESEND_WEBHOOK_SECRET: optionalSecret,
  TWILIO_ACCOUNT_SID: optionalSecret,
  TWILIO_AUTH_TOKEN: optionalSecret,
  TWILIO_BASE_URL: z.url().optional(),
  /** Calls per second to each provider from this process; 0: no limit. */
  NOTIFIER_EMAIL_PER_SECOND: perSecond.default(10),
  NOTIFIER_SMS_PER_SECOND: perSecond.default(10),
  NOTIFIER_VOICE_PER_SECOND: perSecond.default(1),
  NOTIFIER_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(256),
  NOTIFIER_CONCURRENCY: z.coerce.number().int().min(1).max(5_000).default(64),
  NOTIFIER_ACK_WAIT_MS: z.coerce.number().int().min(500).default(30_000),
  /** How long a claimed message is one sender's: a sender that dies leaves it to another after this. */
  NOTIFIER_SEND_LEASE_MS: z.coerce.number().int().min(100).default(20_000),
  NOTIFIER_RETRY_DELAYS_MS: delaysSchema,
  NOTIFIER_MAX_DELIVER: z.coerce.number().int().min(1).default(20),
  NOTIFIER_RELEASE_INTERVAL_MS: z.coerce.number().int().min(10).default(1_000),
});

export type NotifierEnv = z.infer<typeof notifierEnvSchema>;

export function countySettingsOf(env: Pick<NotifierEnv, "NOTIFIER_COUNTIES">) {
  const settings = new Map<string, CountyNotificationSettings>(
    Object.entries(env.NOTIFIER_COUNTIES).map(([county, value]) => [county, { county, ...value }]),
  );
  const first = settings.values().next().value;
  /** A county's settings; `undefined` asks for the default (the first configured), for replies to strangers. */
  return (county: string | undefined): CountyNotificationSettings | undefined =>
    county === undefined ? first : settings.get(county);
}
