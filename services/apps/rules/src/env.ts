import { baseEnvSchema, pairMapSchema } from "@ballot/runtime";
import { z } from "zod";

const days = z.coerce.number().int().min(1).max(60);

export const rulesEnvSchema = baseEnvSchema.extend({
  /** How often the rules run. They are cheap: each reads only the ballots it may alert on. */
  RULES_INTERVAL_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** A ballot in the mail with no scan for this many days is suspected lost. */
  LOST_AFTER_DAYS: days.default(7),
  /** Per county: `06999=5,06001=10`. */
  COUNTY_LOST_AFTER_DAYS: pairMapSchema(days),
  /** Remind voters this many days before their cure deadline. */
  CURE_REMINDER_DAYS: days.default(3),
  /** Remind voters who have not returned their ballot this many days before election day. */
  RETURN_REMINDER_DAYS: days.default(7),
  /** Election days: `2026-11-03-general=2026-11-03`. */
  ELECTION_DATES: pairMapSchema(z.iso.date()),
});

export type RulesEnv = z.infer<typeof rulesEnvSchema>;

export interface RulesSettings {
  readonly lostAfterDays: (county: string) => number;
  readonly cureReminderDays: number;
  readonly returnReminderDays: number;
  /** Election id -> YYYY-MM-DD. */
  readonly electionDates: ReadonlyMap<string, string>;
}

export function rulesSettings(env: RulesEnv): RulesSettings {
  return {
    lostAfterDays: (county) => env.COUNTY_LOST_AFTER_DAYS.get(county) ?? env.LOST_AFTER_DAYS,
    cureReminderDays: env.CURE_REMINDER_DAYS,
    returnReminderDays: env.RETURN_REMINDER_DAYS,
    electionDates: env.ELECTION_DATES,
  };
}
