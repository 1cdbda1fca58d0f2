import { z } from "zod";

/** Variables every service understands. Apps extend this schema with their own and parse it once, in `main`. */
export const baseEnvSchema = z.object({
  NATS_URL: z.string().default("nats://127.0.0.1:4222"),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  /** Prefix for every subject, stream and Redis key, so that several stacks (or tests) can share one server. */
  NAMESPACE: z
    .string()
    .regex(/^[a-z0-9_-]*$/i, "letters, digits, - and _ only")
    .default(""),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export class EnvError extends Error {
  override readonly name = "EnvError";
}

/** Parses the environment with one zod schema; a bad or missing variable names itself and says what is wrong. */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  source: Readonly<Record<string, string | undefined>> = process.env,
): z.infer<Schema> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new EnvError(`invalid environment; set these variables and start again: ${problems.join("; ")}`);
}

/** "name=secret,other=secret2" into a map, for per-feed and per-county tokens. */
export const tokenMapSchema = z
  .string()
  .default("")
  .transform((text, context) => {
    const tokens = new Map<string, string>();
    for (const pair of text.split(",").filter((part) => part.trim() !== "")) {
      const [name, token] = pair.split("=").map((part) => part.trim());
      if (!name || !token || token.length < 16) {
        context.addIssue({ code: "custom", message: `"${name ?? ""}=..." needs a name and a token of 16+ characters` });
        continue;
      }
      tokens.set(name, token);
    }
    return tokens;
  });

/**
 * "name=value,other=value2" into a map, each value checked by `value` (per-county settings, election dates).
 */
export function pairMapSchema<Value extends z.ZodType>(value: Value) {
  return z
    .string()
    .default("")
    .transform((text, context) => {
      const pairs = new Map<string, z.infer<Value>>();
      for (const pair of text.split(",").filter((part) => part.trim() !== "")) {
        const [name, raw] = pair.split("=").map((part) => part.trim());
        const parsed = value.safeParse(raw);
        if (!name || !parsed.success) {
          context.addIssue({ code: "custom", message: `"${pair.trim()}" must be name=value with a valid value` });
          continue;
        }
        pairs.set(name, parsed.data);
      }
      return pairs;
    });
}
