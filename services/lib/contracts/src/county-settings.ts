import { ballotStatuses, type ContactWindow, type CountyNotificationSettings, defaultSafetyHold } from "@ballot/core";
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

/** Every county's settings, as JSON keyed by county code (`NOTIFIER_COUNTIES`; the API reads the same). */
export const countiesSchema = z
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

export type CountySettingsInput = z.infer<typeof countiesSchema>;

/** A lookup of the counties' settings; `undefined` asks for the default (the first configured), for replies to strangers. */
export function countySettingsLookup(counties: CountySettingsInput) {
  const settings = new Map<string, CountyNotificationSettings>(
    Object.entries(counties).map(([county, value]) => [county, { county, ...value }]),
  );
  const first = settings.values().next().value;
  return (county: string | undefined): CountyNotificationSettings | undefined =>
    county === undefined ? first : settings.get(county);
}
