import { describe, expect, it } from "vitest";
import { z } from "zod";
import { baseEnvSchema, EnvError, parseEnv, tokenMapSchema } from "./env.ts";

describe("parseEnv", () => {
  it("fills defaults", () => {
    expect(parseEnv(baseEnvSchema, {})).toMatchObject({
      NATS_URL: "nats://127.0.0.1:4222",
      NAMESPACE: "",
      LOG_LEVEL: "info",
    });
  });

  it("names every bad variable and what to do", () => {
    const schema = baseEnvSchema.extend({ PORT: z.coerce.number().int() });
    expect(() => parseEnv(schema, { LOG_LEVEL: "loud", PORT: "x" })).toThrow(EnvError);
    expect(() => parseEnv(schema, { LOG_LEVEL: "loud", PORT: "x" })).toThrow(/LOG_LEVEL.*PORT|PORT.*LOG_LEVEL/);
  });

  it("reads per-source tokens and refuses short ones", () => {
    const schema = z.object({ TOKENS: tokenMapSchema });
    const parsed = parseEnv(schema, { TOKENS: "usps=aaaaaaaaaaaaaaaa, 06999=bbbbbbbbbbbbbbbbbb" });
    expect([...parsed.TOKENS.entries()]).toEqual([
      ["usps", "aaaaaaaaaaaaaaaa"],
      ["06999", "bbbbbbbbbbbbbbbbbb"],
    ]);
    expect(() => parseEnv(schema, { TOKENS: "usps=short" })).toThrow(/16\+ characters/);
  });
});
