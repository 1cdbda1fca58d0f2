import { gzipSync } from "node:zlib";
import type { Redis } from "@ballot/adapters";
import { describe, expect, type TestNamespace, test } from "@ballot/testing";
import {
  ana,
  anaLookup,
  createTestApi,
  postLookup,
  seedVoter,
  testSiteOrigin,
  testToday,
  testTokenKey,
  withServedTestApi,
} from "./test-support.ts";
import { createTokenSigner } from "./token.ts";

const tightAddressLimit = {
  perAddress: { limit: 2, windowMs: 60_000 },
  perIdentityMiss: { limit: 1_000, windowMs: 60_000 },
};

/** Commands the test's own reading makes, left out of the counts. */
const bookkeeping = ["info", "ping", "client|setname", "client|setinfo"];

async function commandCalls(redis: Redis): Promise<Record<string, number>> {
  const calls: Record<string, number> = {};
  for (const match of (await redis.info("commandstats")).matchAll(/^cmdstat_([a-z|]+):calls=(\d+)/gm)) {
    if (!bookkeeping.includes(match[1] as string)) calls[match[1] as string] = Number(match[2]);
  }
  return calls;
}

/** The command counts once they stop moving (work a request leaves running after its answer has landed). */
async function settledCommandCalls(redis: Redis): Promise<Record<string, number>> {
  let last = await commandCalls(redis);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const now = await commandCalls(redis);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
}

/** Redis commands, by name, that `run` made (only this test's requests reach this worker's Redis meanwhile). */
async function commandsDuring(redis: Redis, run: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await settledCommandCalls(redis);
  await run();
  const after = await settledCommandCalls(redis);
  const delta: Record<string, number> = {};
  for (const [name, calls] of Object.entries(after)) {
    const made = calls - (before[name] ?? 0);
    if (made > 0) delta[name] = made;
  }
  return delta;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

describe("security headers", () => {
  /** The same requests through Hono alone and through the Node server the API runs on (its preset headers). */
  const transports = {
    "app.request": async (ns: TestNamespace, path: string, init: RequestInit) =>
      createTestApi(ns).app.request(path, init),
    "a Node server": (ns: TestNamespace, path: string, init: RequestInit) =>
      withServedTestApi(ns, {}, async (server) => {
        const response = await fetch(`${server.url}${path}`, init);
        await response.clone().arrayBuffer();
        return response;
      }),
  };

  test.for(
    (["app.request", "a Node server"] as const).flatMap((transport) =>
      (
        [
          ["a found voter", "/v1/lookup", anaLookup],
          ["nobody found", "/v1/lookup", { ...anaLookup, zip: "90001" }],
          ["a validation error", "/v1/lookup", { ...anaLookup, dateOfBirth: "1899-01-01" }],
          ["/healthz", "/healthz", undefined],
          ["an unknown path", "/nowhere", undefined],
        ] as const
      ).map(([what, path, body]) => [transport, what, path, body] as const),
    ),
  )("on every answer, through %s: %s", async ([transport, , path, body], { ns }) => {
    await seedVoter(ns, ana);
    const response = await transports[transport](
      ns,
      path,
      body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {},
    );
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{8,}; includeSubDomains/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
  });

  test("on the Node server, headers the answer sets itself come with the preset ones, and each header once", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    await withServedTestApi(ns, { rateLimits: tightAddressLimit }, async (server) => {
      const lookup = () =>
        fetch(`${server.url}/v1/lookup`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: testSiteOrigin, "x-request-id": "given-id-0001" },
          body: JSON.stringify(anaLookup),
        });
      const answers = [await lookup(), await lookup(), await lookup()];
      for (const answer of answers) await answer.arrayBuffer();
      const refused = answers[2] as Response;
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.headers.get("content-type")).toMatch(/^application\/json/);
      expect(refused.headers.get("x-request-id")).toBe("given-id-0001");
      expect(refused.headers.get("access-control-allow-origin")).toBe(testSiteOrigin);
      expect(refused.headers.get("cache-control")).toBe("no-store");
      // fetch joins repeated headers with ", ": a header written twice would show here.
      expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
      expect(refused.headers.get("vary")).toBe("Origin");

      const preflight = await fetch(`${server.url}/v1/lookup`, {
        method: "OPTIONS",
        headers: { origin: testSiteOrigin, "access-control-request-method": "POST" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
      expect(preflight.headers.get("x-frame-options")).toBe("DENY");
    });
  });

  test("answers about voters are never cached", async ({ ns }) => {
    await seedVoter(ns, ana);
    const answer = await postLookup(createTestApi(ns).app, anaLookup);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });
});

describe("CORS", () => {
  test("another origin gets no CORS permission, in a preflight or an answer", async ({ ns }) => {
    const { app } = createTestApi(ns);
    const preflight = await app.request("/v1/lookup", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example.com", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).not.toBe("https://evil.example.com");
    expect(preflight.headers.get("access-control-allow-origin")).not.toBe("*");
    const answer = await postLookup(app, anaLookup, { origin: "https://evil.example.com" });
    expect(answer.headers.get("access-control-allow-origin")).not.toBe("https://evil.example.com");
    expect(answer.headers.get("access-control-allow-origin")).not.toBe("*");
  });
});

describe("rate limits cannot be dodged", () => {
  test("the address is the TCP peer's: a forged X-Forwarded-For changes nothing without a trusted proxy", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    await withServedTestApi(ns, { rateLimits: tightAddressLimit }, async (server) => {
      const statuses = [];
      for (const forged of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
        const response = await fetch(`${server.url}/v1/lookup`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": forged },
          body: JSON.stringify(anaLookup),
        });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 429]);
    });
  });

  test("behind one trusted proxy, the address it appended counts, not what the client wrote before it", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns, { rateLimits: tightAddressLimit, trustedProxyHops: 1 });
    const from = (header: string) => postLookup(app, anaLookup, { "x-forwarded-for": header });
    expect((await from("10.0.0.1, 203.0.113.9")).status).toBe(200);
    expect((await from("10.0.0.2, 203.0.113.9")).status).toBe(200);
    expect((await from("10.0.0.3, 203.0.113.9")).status).toBe(429);
    expect((await from("203.0.113.10")).status).toBe(200);
  });

  test("IPv6 clients are counted by their /64, so rotating addresses within it does not help", async ({ ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns, { rateLimits: tightAddressLimit, trustedProxyHops: 1 });
    const from = (address: string) => postLookup(app, anaLookup, { "x-forwarded-for": address });
    expect((await from("2001:db8:1:2::1")).status).toBe(200);
    expect((await from("2001:db8:1:2:ffff:ffff:ffff:ffff")).status).toBe(200);
    expect((await from("2001:0db8:0001:0002:0000:0000:0000:abcd")).status).toBe(429);
    expect((await from("2001:db8:1:3::1")).status).toBe(200);
  });

  test("guessing one person's birth date from many addresses is cut off, and then the right date is refused too", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns, {
      rateLimits: { perAddress: { limit: 1_000, windowMs: 60_000 }, perIdentityMiss: { limit: 5, windowMs: 600_000 } },
      trustedProxyHops: 1,
    });
    const answers = [];
    for (let day = 1; day <= 8; day += 1) {
      const guess = { ...anaLookup, dateOfBirth: `12-${String(day).padStart(2, "0")}-1980` };
      answers.push(await postLookup(app, guess, { "x-forwarded-for": `198.51.100.${day}` }));
    }
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
    // Ana's real details, from yet another address: refused like the guesses, so the refusal tells nothing.
    const right = await postLookup(app, anaLookup, { "x-forwarded-for": "203.0.113.200" });
    const wrong = await postLookup(
      app,
      { ...anaLookup, dateOfBirth: "12-30-1980" },
      {
        "x-forwarded-for": "203.0.113.201",
      },
    );
    expect([right.status, wrong.status]).toEqual([429, 429]);
    expect(right.body.error?.message).toBe(wrong.body.error?.message);
    expect(right.headers.get("retry-after")).toBe(wrong.headers.get("retry-after"));
    // Another person with the same birth date in the same ZIP is not affected.
    await seedVoter(ns, { ...ana, voterId: "V-BEN", firstName: "Ben" });
    expect((await postLookup(app, { ...anaLookup, firstName: "Ben" })).status).toBe(200);
  });

  test("a guessed voter ID counts as a miss", async ({ ns }) => {
    await seedVoter(ns, ana);
    await seedVoter(ns, { ...ana, voterId: "V2002" });
    const { app } = createTestApi(ns, {
      rateLimits: { perAddress: { limit: 1_000, windowMs: 60_000 }, perIdentityMiss: { limit: 3, windowMs: 600_000 } },
    });
    const statuses = [];
    for (const voterId of ["V1", "V2", "V3", "V4", "V2002"]) {
      statuses.push((await postLookup(app, { ...anaLookup, voterId })).status);
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });

  test("only misses count against a name and ZIP: finding the voter, or a refusal by address, gives the count back", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns, {
      rateLimits: { perAddress: { limit: 12, windowMs: 60_000 }, perIdentityMiss: { limit: 3, windowMs: 600_000 } },
      trustedProxyHops: 1,
    });
    const from = (body: unknown, address: string) => postLookup(app, body, { "x-forwarded-for": address });
    const miss = { ...anaLookup, dateOfBirth: "01-01-1970" };
    const statuses = [];
    // Twelve finds from one address, then misses from it past its own limit: neither counts against Ana's name.
    for (let index = 0; index < 12; index += 1) statuses.push((await from(anaLookup, "198.51.100.1")).status);
    for (let index = 0; index < 3; index += 1) statuses.push((await from(miss, "198.51.100.1")).status);
    expect(statuses).toEqual([...Array(12).fill(200), 429, 429, 429]);
    // The refunds are not waited for: let them land before the name's limit is asked again.
    await settledCommandCalls(ns.redis);
    const misses = [];
    for (let index = 0; index < 4; index += 1) misses.push((await from(miss, `198.51.100.${10 + index}`)).status);
    expect(misses).toEqual([404, 404, 404, 429]);
  });
});

describe("found and not found look alike", () => {
  test("a lookup that finds nobody makes the same Redis calls as one that finds the voter, before it answers", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    await seedVoter(ns, { ...ana, voterId: "V-TWIN-1", firstName: "Twin" });
    await seedVoter(ns, { ...ana, voterId: "V-TWIN-2", firstName: "Twin", ballots: [] });
    const { app } = createTestApi(ns);
    const found = () => postLookup(app, anaLookup);
    const missing = () => postLookup(app, { ...anaLookup, firstName: "Nobody" });
    const ambiguous = () => postLookup(app, { ...anaLookup, firstName: "Twin" });
    // The first call of each limiter script sends its text; after that every call goes by SHA1.
    await Promise.all([found(), missing(), ambiguous()]);
    const times = (run: () => Promise<unknown>) => async () => {
      for (let index = 0; index < 10; index += 1) await run();
    };
    // What the API sends; inside the limiter scripts a miss adds one INCRBY to the same GETs (microseconds).
    const sent = async (run: () => Promise<unknown>) => {
      const { evalsha, eval: evals, smembers, hget, hgetall } = await commandsDuring(ns.redis, times(run));
      return { evalsha, evals, smembers, hget, hgetall };
    };
    // Per lookup, in one round trip: two limiters, and one script reading the identity's voters, a voter's ballot list
    // and a ballot.
    const missingCalls = await sent(missing);
    expect(missingCalls).toEqual({ evalsha: 30, evals: undefined, smembers: 10, hget: 20, hgetall: undefined });
    // A match also gives its name+ZIP count back: one more limiter call, made after the answer (not waited for).
    const matchCalls = { ...missingCalls, evalsha: 40 };
    expect(await sent(found)).toEqual(matchCalls);
    expect(await sent(ambiguous)).toEqual(matchCalls);
  });

  test("and take about as long (medians over interleaved lookups, a loose bound)", async ({ ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const timed = async (body: unknown) => {
      const startedAt = performance.now();
      await postLookup(app, body);
      return performance.now() - startedAt;
    };
    const found: number[] = [];
    const missing: number[] = [];
    for (let index = 0; index < 200; index += 1) {
      found.push(await timed(anaLookup));
      missing.push(await timed({ ...anaLookup, zip: String(90_000 + index) }));
    }
    const [foundMs, missingMs] = [median(found.slice(20)), median(missing.slice(20))];
    expect(Math.abs(foundMs - missingMs)).toBeLessThan(Math.max(1, 0.5 * Math.max(foundMs, missingMs)));
  });
});

describe("voter tokens", () => {
  const signer = createTokenSigner(testTokenKey);
  const verify = (app: ReturnType<typeof createTestApi>["app"], token: string) =>
    app.request("/v1/token/verify", { headers: { authorization: `Bearer ${token}` } });
  const swapPayload = (token: string, payload: object) => {
    const [version, , signature] = token.split(".");
    return `${version}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`;
  };

  test.for([
    [
      "another voter id in the payload",
      (token: string) => swapPayload(token, { sub: "V2002", exp: 4e9, aud: "alerts" }),
    ],
    ["a later expiry in the payload", (token: string) => swapPayload(token, { sub: "V1001", exp: 4e9, aud: "alerts" })],
    [
      "one signature character changed",
      (token: string) => token.slice(0, -2) + (token.at(-2) === "A" ? "B" : "A") + token.at(-1),
    ],
    ["the signature cut short", (token: string) => token.slice(0, -4)],
    ["no signature", (token: string) => token.split(".").slice(0, 2).join(".")],
    ["another version", (token: string) => token.replace(/^v1\./, "v2.")],
    [
      "signed with another key",
      () => createTokenSigner("another-key-of-thirty-two-characters!!").sign("V1001", testToday.getTime()).token,
    ],
    ["an oversized token", (token: string) => `${token}${"A".repeat(600)}`],
  ] as const)("a tampered token is refused: %s", async ([, tamper], { ns }) => {
    const { app } = createTestApi(ns);
    const { token } = signer.sign("V1001", testToday.getTime());
    expect((await verify(app, token)).status).toBe(200);
    const response = await verify(app, tamper(token));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "TOKEN_INVALID" } });
  });

  test("a token is good for 15 minutes and then expired", async ({ ns }) => {
    await seedVoter(ns, ana);
    const token = (await postLookup(createTestApi(ns).app, anaLookup)).body.token as string;
    const at = (offsetMs: number) => createTestApi(ns, { now: () => new Date(testToday.getTime() + offsetMs) }).app;
    expect((await verify(at(15 * 60_000 - 1_000), token)).status).toBe(200);
    const expired = await verify(at(15 * 60_000), token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: "TOKEN_EXPIRED" } });
  });
});

describe("hostile input", () => {
  test.for([
    ["Redis protocol", "Ana\r\n*1\r\n$8\r\nFLUSHALL\r\n"],
    ["Lua", "'); redis.call('FLUSHALL') --"],
    ["a glob", "*"],
    ["a hash tag", "}{ballot:*"],
    ["SQL", "Robert'); DROP TABLE voters;--"],
    ["HTML", "<script>alert(1)</script>"],
    ["a NUL byte", "Ana\u0000Lee"],
    ["a right-to-left override", "\u202eeve"],
    ["a lone surrogate", "\ud800"],
  ] as const)("a name carrying %s finds nobody and changes nothing", async ([, name], { ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const keysBefore = (await ns.redis.keys(`${ns.keys.prefix}*`)).filter((key) => !key.includes("rate-limit"));
    for (const field of ["firstName", "lastName", "voterId"] as const) {
      const answer = await postLookup(app, { ...anaLookup, [field]: name });
      expect([400, 404]).toContain(answer.status);
      expect(JSON.stringify(answer.body)).not.toContain("<script>");
    }
    const keysAfter = (await ns.redis.keys(`${ns.keys.prefix}*`)).filter((key) => !key.includes("rate-limit"));
    expect(keysAfter.sort()).toEqual(keysBefore.sort());
    expect((await postLookup(app, anaLookup)).status).toBe(200);
  });

  test.for([
    ["an operator object", { firstName: { $ne: null } }],
    ["an array", { lastName: ["Lee"] }],
    ["a number", { zip: 95616 }],
  ] as const)("%s where a string belongs is a 400", async ([, change], { ns }) => {
    const answer = await postLookup(createTestApi(ns).app, { ...anaLookup, ...change });
    expect(answer.status).toBe(400);
  });

  test("a __proto__ key is ignored and pollutes no prototype", async ({ ns }) => {
    await seedVoter(ns, ana);
    const body = `{"__proto__":{"isAdmin":true},${JSON.stringify(anaLookup).slice(1)}`;
    const answer = await postLookup(createTestApi(ns).app, body);
    expect(answer.status).toBe(200);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  test("a body over the limit is refused whether declared, streamed without a length, or gzipped small", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    await withServedTestApi(ns, {}, async (server) => {
      const big = JSON.stringify({ ...anaLookup, padding: "x".repeat(64 * 1024) });
      const post = async (body: RequestInit["body"], headers: Record<string, string> = {}) => {
        const response = await fetch(`${server.url}/v1/lookup`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body,
          duplex: "half",
        } as RequestInit);
        return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
      };
      expect(await post(big)).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE" } } });
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let index = 0; index < 16; index += 1) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
          controller.close();
        },
      });
      expect((await post(chunks)).status).toBe(413);
      const bomb = gzipSync(Buffer.from(JSON.stringify({ ...anaLookup, padding: "0".repeat(1024 * 1024) })));
      expect(bomb.byteLength).toBeLessThan(4 * 1024);
      expect((await post(bomb, { "content-encoding": "gzip" })).status).toBe(413);
      expect((await post(JSON.stringify(anaLookup))).status).toBe(200);
    });
  });

  test("metrics label routes by pattern, so probing paths adds no series", async ({ ns }) => {
    const { app } = createTestApi(ns);
    for (let index = 0; index < 5; index += 1) await app.request(`/v1/probe-${index}-${"x".repeat(index)}`);
    await app.request("/v1/lookup/../../etc/passwd");
    const text = await (await app.request("/metrics")).text();
    expect(text).not.toContain("probe");
    expect(text).not.toContain("passwd");
  });

  test("/metrics wants the metrics token when one is configured", async ({ ns }) => {
    const { app } = createTestApi(ns, { metricsToken: "metrics-token-0123456789" });
    expect((await app.request("/metrics")).status).toBe(401);
    expect(
      (await app.request("/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status,
    ).toBe(401);
    const allowed = await app.request("/metrics", { headers: { authorization: "Bearer metrics-token-0123456789" } });
    expect(allowed.status).toBe(200);
  });
});
