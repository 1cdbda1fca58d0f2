import { countiesSchema } from "@ballot/contracts/county-settings";
import { baseEnvSchema } from "@ballot/runtime";
import { z } from "zod";
import {
  defaultLookupRateLimits,
  defaultStaffSignInFailureLimit,
  defaultSubscriptionRateLimits,
} from "./rate-limits.ts";

const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const seconds = (fallbackMs: number) =>
  z.coerce
    .number()
    .int()
    .positive()
    .default(fallbackMs / 1000);
/** An optional secret; an empty value (as `.env.example` has it) means unset. */
const optionalSecret = (minLength: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(minLength, `must be at least ${minLength} characters`).optional(),
  );

export const apiEnvSchema = baseEnvSchema.extend({
  API_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  API_HOST: z.string().default("127.0.0.1"),
  /**
   * API processes sharing the port, one per core on a machine of its own (a Node process answers on one core). 1 (the
   * default): this process answers alone. More: it becomes their primary (see cluster.ts).
   */
  API_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * The time zone of the times on the lookup's page for browsers without JavaScript (the site's script shows the
   * browser's own): the counties' zone, an IANA name.
   */
  API_PAGE_TIME_ZONE: z
    .string()
    .default("America/Los_Angeles")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as America/Los_Angeles"),
  /** The site's origin; the only one CORS lets call the API from a browser. */
  SITE_ORIGIN: z.string().default("http://127.0.0.1:4321"),
  /** Key of the identity hash; the same one ingest uses. At least 32 characters. */
  IDENTITY_HASH_KEY: z.string().min(32, "must be at least 32 characters"),
  API_MAX_BODY_BYTES: count(4 * 1024),
  /**
   * Key that signs voter tokens, 32+ characters, the same on every API instance. Unset: a random key per process
   * (tokens then stop working on restart and on other instances; fine for a laptop, not for production).
   */
  API_TOKEN_KEY: optionalSecret(32),
  API_TOKEN_TTL_SECONDS: count(15 * 60),
  /** Lookups one client address (an IPv6 /64) may make per window. */
  API_ADDRESS_LOOKUP_LIMIT: count(defaultLookupRateLimits.perAddress.limit),
  API_ADDRESS_LOOKUP_WINDOW_SECONDS: seconds(defaultLookupRateLimits.perAddress.windowMs),
  /** Lookups that find nobody for one name and ZIP, from any address, per window. */
  API_IDENTITY_MISS_LIMIT: count(defaultLookupRateLimits.perIdentityMiss.limit),
  API_IDENTITY_MISS_WINDOW_SECONDS: seconds(defaultLookupRateLimits.perIdentityMiss.windowMs),
  /** Requests to the alert routes (`/v1/subscriptions`) from one client address per window. */
  API_SUBSCRIPTION_ADDRESS_LIMIT: count(defaultSubscriptionRateLimits.perAddress.limit),
  API_SUBSCRIPTION_ADDRESS_WINDOW_SECONDS: seconds(defaultSubscriptionRateLimits.perAddress.windowMs),
  /** Requests to the alert routes with one voter's token, from any address, per window. */
  API_SUBSCRIPTION_VOTER_LIMIT: count(defaultSubscriptionRateLimits.perVoter.limit),
  API_SUBSCRIPTION_VOTER_WINDOW_SECONDS: seconds(defaultSubscriptionRateLimits.perVoter.windowMs),
  /**
   * The notifier's link secret (32+ characters). Set: the API serves the confirmation and unsubscribe links and the
   * provider webhooks as well (`/v1/notify/*`); unset: it does not.
   */
  NOTIFIER_LINK_SECRET: optionalSecret(32),
  /** Twilio's auth token, which signs its webhooks; unset: Twilio webhooks are refused (fail closed). */
  TWILIO_AUTH_TOKEN: optionalSecret(1),
  /** Resend's webhook signing secret (`whsec_...`); unset: Resend webhooks are refused. */
  RESEND_WEBHOOK_SECRET: optionalSecret(1),
  /** The API as Twilio reaches it, behind a proxy: Twilio signs the URL it called. */
  API_PUBLIC_URL: z.preprocess((value) => (value === "" ? undefined : value), z.url().optional()),
  API_WEBHOOK_MAX_BODY_BYTES: count(64 * 1024),
  /**
   * How many reverse proxies of ours stand in front of the API, each appending to X-Forwarded-For. 0 (the default):
   * the header is ignored and the TCP peer is the client. Set it only when every request comes through them.
   */
  API_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** When set, `GET /metrics` wants `Authorization: Bearer <this>`; unset, it is open (keep it off the public proxy). */
  API_METRICS_TOKEN: optionalSecret(16),
  /**
   * Election staff's dashboard tokens: `name:scope:role:sha256hex` entries separated by commas, the scope a county
   * code or `state`, the role `viewer`, `operator` or `approver`, then the SHA-256 (hex) of the token: only hashes
   * are configured (see staff-auth.ts; `node src/cli/staff-token.ts` makes one). Empty: the dashboard is closed.
   */
  API_STAFF_TOKENS: z.string().default(""),
  /** Failed staff sign-ins (wrong staff tokens) from one client address per window, before it is refused (429). */
  API_STAFF_SIGNIN_FAILURE_LIMIT: count(defaultStaffSignInFailureLimit.limit),
  API_STAFF_SIGNIN_FAILURE_WINDOW_SECONDS: seconds(defaultStaffSignInFailureLimit.windowMs),
  /** How long one reading of a county's dashboard summary serves every viewer of it; 0 reads it per request. */
  API_DASHBOARD_SUMMARY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /**
   * The counties' notification settings, the same JSON the notifier has: broadcasts are previewed and checked with
   * them (county name, phone, tracking page). Empty: no county can draft a broadcast.
   */
  NOTIFIER_COUNTIES: countiesSchema,
});

export type ApiEnv = z.infer<typeof apiEnvSchema>;
