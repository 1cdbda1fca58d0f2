import { isKnownTimeZone } from "@ballot/core";
import { baseEnvSchema, tokenMapSchema } from "@ballot/runtime";
import { z } from "zod";

export const ingestEnvSchema = baseEnvSchema.extend({
  INGEST_PORT: z.coerce.number().int().min(0).max(65_535).default(8081),
  INGEST_HOST: z.string().default("127.0.0.1"),
  /** `feedName=token,...`: who may push USPS scans, one token per feed. */
  FEED_TOKENS: tokenMapSchema,
  /** `countyCode=token,...`: who may send county data, one token per county. */
  COUNTY_TOKENS: tokenMapSchema,
  /** Key of the identity hash; the same one the API uses. At least 32 characters. */
  IDENTITY_HASH_KEY: z.string().min(32, "must be at least 32 characters"),
  /** Largest request body, inflated. */
  INGEST_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
  /**
   * IANA zone for USPS scan times written without an offset whose facility ZIP is missing or has no known zone (e.g.
   * the county's zone). Unset: such scans are dead-lettered with the reason.
   */
  INGEST_DEFAULT_TIME_ZONE: z
    .string()
    .refine(isKnownTimeZone, "must be an IANA time zone such as America/Los_Angeles")
    .optional(),
  /** Our mailer ids (comma separated); scans of other mailers' IMbs are kept apart. Empty: judge by ballot STID. */
  MAILER_IDS: z
    .string()
    .default("")
    .transform(
      (text) =>
        new Set(
          text
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean),
        ),
    ),
});

export type IngestEnv = z.infer<typeof ingestEnvSchema>;
