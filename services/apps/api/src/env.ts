import { baseEnvSchema } from "@ballot/runtime";
import { z } from "zod";
import { defaultLookupRateLimits } from "./rate-limits.ts";

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
  /**
   * How many reverse proxies of ours stand in front of the API, each appending to X-Forwarded-For. 0 (the default):
   * the header is ignored and the TCP peer is the client. Set it only when every request comes through them.
   */
  API_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** When set, `GET /metrics` wants `Authorization: Bearer <this>`; unset, it is open (keep it off the public proxy). */
  API_METRICS_TOKEN: optionalSecret(16),
});

export type ApiEnv = z.infer<typeof apiEnvSchema>;
