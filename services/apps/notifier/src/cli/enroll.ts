// `node services/apps/notifier/src/cli/enroll.ts contacts.jsonl`: auto-enrols the county roll's contacts, one JSON
// object per line ({"voterId","county","language","email","phone"}), for counties whose settings say autoEnroll.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { connectRedis, RedisSubscriptionStore } from "@ballot/adapters";
import { createRedisKeys } from "@ballot/contracts";
import { parseEnv } from "@ballot/runtime";
import { z } from "zod";
import { countySettingsOf, notifierEnvSchema } from "../env.ts";

const contactSchema = z.object({
  voterId: z.string().min(1),
  county: z.string().min(1),
  language: z.string().default("en"),
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/)
    .optional(),
});

const file = process.argv[2];
if (!file) {
  console.error("usage: enroll.ts <contacts.jsonl>");
  process.exit(2);
}
const env = parseEnv(notifierEnvSchema.pick({ REDIS_URL: true, NAMESPACE: true, NOTIFIER_COUNTIES: true }));
const settingsOf = countySettingsOf(env);
const redis = connectRedis(env.REDIS_URL, "notifier-enroll");
const store = new RedisSubscriptionStore(redis, createRedisKeys(env.NAMESPACE));
const counts = { enrolled: 0, kept: 0, not_enrolled: 0, invalid: 0 };
let line = 0;
for await (const text of createInterface({ input: createReadStream(file) })) {
  line += 1;
  if (text.trim() === "") continue;
  const parsed = contactSchema.safeParse(JSON.parse(text));
  const settings = parsed.success ? settingsOf(parsed.data.county) : undefined;
  if (!parsed.success || !settings) {
    counts.invalid += 1;
    console.error(`line ${line}: ${parsed.success ? "no settings for its county" : "not a contact"}`);
    continue;
  }
  counts[await store.enrollFromRoll(parsed.data, settings, Date.now())] += 1;
}
await redis.quit();
console.log(JSON.stringify(counts));
