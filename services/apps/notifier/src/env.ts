import { countiesSchema, countySettingsLookup } from "@ballot/contracts/county-settings";
import { baseEnvSchema } from "@ballot/runtime";
import { z } from "zod";

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
  /** A broadcast's first stage: this many voters, then a pause to watch it (and cancel it), then the rest. */
  NOTIFIER_BROADCAST_FIRST_STAGE_VOTERS: z.coerce.number().int().min(1).default(50),
  NOTIFIER_BROADCAST_PAUSE_MS: z.coerce.number().int().min(0).default(60_000),
  /** Reachable voters a broadcast walks (and sends to) per release interval, after its first stage. */
  NOTIFIER_BROADCAST_PAGE_VOTERS: z.coerce.number().int().min(1).max(10_000).default(200),
});

export type NotifierEnv = z.infer<typeof notifierEnvSchema>;

export const countySettingsOf = (env: Pick<NotifierEnv, "NOTIFIER_COUNTIES">) =>
  countySettingsLookup(env.NOTIFIER_COUNTIES);
