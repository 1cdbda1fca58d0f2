import { createHash } from "node:crypto";
import { describe, expect, test, waitFor } from "@ballot/testing";
import { connectRedis } from "./connection.ts";
import { UpstashRateLimiter } from "./upstash-rate-limiter.ts";
import { createUpstashRedis } from "./upstash-ratelimit-redis.ts";

describe("createUpstashRedis", () => {
  test("runs a script headed by the #!lua flags line that Redis 7.0 refuses", async ({ ns }) => {
    const script = "#!lua flags=allow-key-locking\nreturn {KEYS[1], ARGV[1], 7}";
    await expect(ns.redis.eval(script, 1, "k", "v")).rejects.toThrow();
    const scripts = createUpstashRedis(ns.redis);
    expect(await scripts.eval(script, ["k"], ["v"])).toEqual(["k", "v", 7]);
  });

  test("answers NOSCRIPT for a SHA1 it has not seen, and runs it by SHA1 once it has", async ({ ns }) => {
    const scripts = createUpstashRedis(ns.redis);
    const script = "#!lua flags=allow-key-locking\nreturn tonumber(ARGV[1]) + 1";
    const librarySha1 = createHash("sha1").update(script).digest("hex");
    await expect(scripts.evalsha(librarySha1, [], [1])).rejects.toThrow(/NOSCRIPT/);
    expect(await scripts.eval(script, [], [1])).toBe(2);
    expect(await scripts.evalsha(librarySha1, [], [41])).toBe(42);
    // A Redis that lost its scripts (restart, failover) gets the text again.
    await ns.redis.script("FLUSH");
    expect(await scripts.evalsha(librarySha1, [], [99])).toBe(100);
  });
});

describe("UpstashRateLimiter", () => {
  test("lets `limit` requests through in a window and refuses the next", async ({ ns }) => {
    const limiter = new UpstashRateLimiter(ns.redis, {
      prefix: `${ns.keys.prefix}rl:test`,
      limit: 3,
      windowMs: 60_000,
    });
    const decisions = [];
    for (let index = 0; index < 5; index += 1) decisions.push(await limiter.consume("203.0.113.7"));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false, false]);
    expect(decisions.map((decision) => decision.remaining)).toEqual([2, 1, 0, 0, 0]);
    const refused = decisions[3];
    expect(refused?.limit).toBe(3);
    expect(refused?.resetAtMs).toBeGreaterThan(Date.now());
    expect(refused?.resetAtMs).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(refused?.retryAfterMs).toBeGreaterThan(0);
    expect(refused?.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(decisions[0]?.retryAfterMs).toBe(0);
  });

  test("counts each identifier on its own", async ({ ns }) => {
    const limiter = new UpstashRateLimiter(ns.redis, {
      prefix: `${ns.keys.prefix}rl:test`,
      limit: 1,
      windowMs: 60_000,
    });
    expect((await limiter.consume("a")).allowed).toBe(true);
    expect((await limiter.consume("a")).allowed).toBe(false);
    expect((await limiter.consume("b")).allowed).toBe(true);
  });

  test("check counts nothing and refuses exactly when consume would", async ({ ns }) => {
    const limiter = new UpstashRateLimiter(ns.redis, {
      prefix: `${ns.keys.prefix}rl:test`,
      limit: 2,
      windowMs: 60_000,
    });
    for (let index = 0; index < 5; index += 1) expect((await limiter.check("x")).allowed).toBe(true);
    expect((await limiter.consume("x")).allowed).toBe(true);
    expect(await limiter.check("x")).toMatchObject({ allowed: true, remaining: 1 });
    expect((await limiter.consume("x")).allowed).toBe(true);
    expect(await limiter.check("x")).toMatchObject({ allowed: false, remaining: 0 });
    expect((await limiter.consume("x")).allowed).toBe(false);
  });

  test("refund gives one counted request back, and only to that identifier", async ({ ns }) => {
    const limiter = new UpstashRateLimiter(ns.redis, {
      prefix: `${ns.keys.prefix}rl:test`,
      limit: 2,
      windowMs: 60_000,
    });
    for (const id of ["r", "r", "s", "s"]) expect((await limiter.consume(id)).allowed).toBe(true);
    expect((await limiter.consume("r")).allowed).toBe(false);
    await limiter.refund("r");
    expect(await limiter.check("r")).toMatchObject({ allowed: true, remaining: 1 });
    expect((await limiter.consume("r")).allowed).toBe(true);
    expect((await limiter.consume("r")).allowed).toBe(false);
    expect((await limiter.consume("s")).allowed).toBe(false);
  });

  test("the limit lifts once the window has passed", async ({ ns }) => {
    const limiter = new UpstashRateLimiter(ns.redis, { prefix: `${ns.keys.prefix}rl:test`, limit: 2, windowMs: 300 });
    await limiter.consume("y");
    await limiter.consume("y");
    const refused = await limiter.consume("y");
    expect(refused.allowed).toBe(false);
    await waitFor("the window to slide past the two requests", async () => (await limiter.consume("y")).allowed, {
      timeoutMs: 5_000,
    });
    expect(Date.now()).toBeGreaterThanOrEqual(refused.resetAtMs);
  });

  test("reset forgets what was counted", async ({ ns }) => {
    const limiter = new UpstashRateLimiter(ns.redis, {
      prefix: `${ns.keys.prefix}rl:test`,
      limit: 1,
      windowMs: 60_000,
    });
    await limiter.consume("z");
    expect((await limiter.consume("z")).allowed).toBe(false);
    await limiter.reset("z");
    expect((await limiter.consume("z")).allowed).toBe(true);
  });

  test("keeps its keys under the prefix, both windows of an identifier under one hash tag, with an expiry", async ({
    ns,
  }) => {
    const limiter = new UpstashRateLimiter(ns.redis, {
      prefix: `${ns.keys.prefix}rl:test`,
      limit: 5,
      windowMs: 60_000,
    });
    await limiter.consume("198.51.100.1");
    const keys = await ns.redis.keys(`${ns.keys.prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${ns.keys.prefix}rl:test:\\{198\\.51\\.100\\.1\\}:\\d+$`));
    const ttlMs = await ns.redis.pttl(keys[0] as string);
    expect(ttlMs).toBeGreaterThan(60_000);
    expect(ttlMs).toBeLessThanOrEqual(121_000);
  });

  test("several connections and limiters share one count", async ({ ns, servers }) => {
    const other = connectRedis(servers.redisUrl, "second-instance");
    try {
      const options = { prefix: `${ns.keys.prefix}rl:test`, limit: 10, windowMs: 60_000 };
      const instances = [new UpstashRateLimiter(ns.redis, options), new UpstashRateLimiter(other, options)];
      const decisions = await Promise.all(
        Array.from({ length: 30 }, (_, index) => instances[index % 2]?.consume("shared")),
      );
      expect(decisions.filter((decision) => decision?.allowed)).toHaveLength(10);
    } finally {
      other.disconnect();
    }
  });

  test("refuses a limit or window that is not a positive whole number", ({ ns }) => {
    expect(() => new UpstashRateLimiter(ns.redis, { prefix: "p", limit: 0, windowMs: 1_000 })).toThrow(/limit/);
    expect(() => new UpstashRateLimiter(ns.redis, { prefix: "p", limit: 1, windowMs: 0.5 })).toThrow(/window/);
  });
});
