import { describe, expect, test } from "@ballot/testing";
import { ana, callSubscriptions, createTestApi, seedVoter, testToday, testTokenKey, tokenFor } from "./test-support.ts";
import { createTokenSigner } from "./token.ts";

const expectErrorShape = (body: { error?: { code: string; message: string; requestId: string } }, code: string) => {
  expect(body.error?.code).toBe(code);
  expect(body.error?.message).toEqual(expect.any(String));
  expect(body.error?.requestId).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
};

describe("the alert routes without a good token", () => {
  test.for([
    ["GET", "/v1/subscriptions"],
    ["PUT", "/v1/subscriptions"],
    ["DELETE", "/v1/subscriptions"],
    ["DELETE", "/v1/subscriptions/email"],
  ] as const)("%s %s without a token: 401 TOKEN_INVALID and WWW-Authenticate", async ([method, path], { ns }) => {
    const { app } = createTestApi(ns);
    const answer = await callSubscriptions(app, method, undefined, { path, ...(method === "PUT" ? { body: {} } : {}) });
    expect(answer.status).toBe(401);
    expectErrorShape(answer.body, "TOKEN_INVALID");
    expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="voter"');
  });

  test("an expired token: 401 TOKEN_EXPIRED", async ({ ns }) => {
    const { app } = createTestApi(ns);
    const old = createTokenSigner(testTokenKey).sign(ana.voterId, testToday.getTime() - 16 * 60_000).token;
    const answer = await callSubscriptions(app, "GET", old);
    expect(answer.status).toBe(401);
    expectErrorShape(answer.body, "TOKEN_EXPIRED");
  });
});

describe("PUT /v1/subscriptions refuses what it cannot store, naming the field", () => {
  test.for([
    ["a bad email", { channels: { email: { address: "not-an-email" } } }, "channels.email.address"],
    ["a non-US number", { channels: { sms: { address: "+44 20 7946 0958" } } }, "channels.sms.address"],
    ["a short number", { channels: { voice: { address: "555-0123" } } }, "channels.voice.address"],
    ["an empty address", { channels: { sms: { address: "" } } }, "channels.sms.address"],
    ["a channel with no address given or stored", { channels: { email: {} } }, "channels.email.address"],
    ["an unknown channel", { channels: { fax: { address: "916-555-0123" } } }, "channels.fax"],
    ["no channel", { channels: {} }, "channels"],
    ["no channels object", { language: "es" }, "channels"],
    ["an unknown language", { language: "fr", channels: { email: { address: "a@example.com" } } }, "language"],
    [
      "hours backwards",
      { contactWindow: "21:00-08:00", channels: { email: { address: "a@example.com" } } },
      "contactWindow",
    ],
    [
      "hours without minutes",
      { contactWindow: "8-21", channels: { email: { address: "a@example.com" } } },
      "contactWindow",
    ],
    ["hours as a number", { contactWindow: 800, channels: { email: { address: "a@example.com" } } }, "contactWindow"],
    ["an unknown field", { channels: { email: { address: "a@example.com" } }, admin: true }, "admin"],
    ["an address as a number", { channels: { sms: { address: 9165550123 } } }, "channels.sms.address"],
  ] as const)("%s: 400 VALIDATION_FAILED on %s", async ([, body, field], { ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const answer = await callSubscriptions(app, "PUT", tokenFor(ana.voterId), { body });
    expect(answer.status).toBe(400);
    expectErrorShape(answer.body, "VALIDATION_FAILED");
    expect(answer.body.error?.details?.field).toBe(field);
    // Nothing was stored.
    expect(await ns.redis.exists(ns.keys.subscription(ana.voterId))).toBe(0);
  });

  test.for([
    ["not JSON", "{channels:"],
    ["a JSON array", "[]"],
    ["JSON null", "null"],
  ])("%s: 400 VALIDATION_FAILED", async ([, body], { ns }) => {
    const { app } = createTestApi(ns);
    const answer = await callSubscriptions(app, "PUT", tokenFor(ana.voterId), { body });
    expect(answer.status).toBe(400);
    expectErrorShape(answer.body, "VALIDATION_FAILED");
  });
});

describe("DELETE", () => {
  test("an unknown channel name: 400 on the channel", async ({ ns }) => {
    const { app } = createTestApi(ns);
    const answer = await callSubscriptions(app, "DELETE", tokenFor(ana.voterId), { path: "/v1/subscriptions/fax" });
    expect(answer.status).toBe(400);
    expectErrorShape(answer.body, "VALIDATION_FAILED");
    expect(answer.body.error?.details?.field).toBe("channel");
  });

  test("a channel the voter never had: 404 NOT_FOUND", async ({ ns }) => {
    const { app } = createTestApi(ns);
    const answer = await callSubscriptions(app, "DELETE", tokenFor(ana.voterId), { path: "/v1/subscriptions/voice" });
    expect(answer.status).toBe(404);
    expectErrorShape(answer.body, "NOT_FOUND");
  });

  test("everything, with nothing subscribed: 200 and no channels", async ({ ns }) => {
    const { app } = createTestApi(ns);
    const answer = await callSubscriptions(app, "DELETE", tokenFor(ana.voterId));
    expect(answer.status).toBe(200);
    expect(answer.body.channels).toEqual([]);
  });
});

describe("rate limits", () => {
  test("one voter's token: past the limit 429 RATE_LIMITED with Retry-After, from any address", async ({ ns }) => {
    const { app } = createTestApi(ns, {
      subscriptionRateLimits: {
        perAddress: { limit: 1_000, windowMs: 60_000 },
        perVoter: { limit: 2, windowMs: 60_000 },
      },
    });
    const token = tokenFor(ana.voterId);
    expect((await callSubscriptions(app, "GET", token)).status).toBe(200);
    expect((await callSubscriptions(app, "GET", token)).status).toBe(200);
    const refused = await callSubscriptions(app, "GET", token);
    expect(refused.status).toBe(429);
    expectErrorShape(refused.body, "RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another voter is not held back by Ana's limit.
    expect((await callSubscriptions(app, "GET", tokenFor("V2002"))).status).toBe(200);
  });

  test("one client address: requests without a valid token count too", async ({ ns }) => {
    const { app } = createTestApi(ns, {
      subscriptionRateLimits: {
        perAddress: { limit: 3, windowMs: 60_000 },
        perVoter: { limit: 1_000, windowMs: 60_000 },
      },
    });
    for (const token of [undefined, "v1.bogus.token", undefined]) {
      expect((await callSubscriptions(app, "GET", token)).status).toBe(401);
    }
    const refused = await callSubscriptions(app, "GET", tokenFor(ana.voterId));
    expect(refused.status).toBe(429);
    expectErrorShape(refused.body, "RATE_LIMITED");
  });
});
