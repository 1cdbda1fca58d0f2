import { describe, expect, test } from "@ballot/testing";
import {
  ana,
  ben,
  callSubscriptions,
  createTestApi,
  notifyRoutesOf,
  seedVoter,
  testToday,
  tokenFor,
} from "./test-support.ts";
import { createTokenSigner } from "./token.ts";

const anaSignUp = {
  channels: { email: { address: "ana.private@example.com" }, sms: { address: "(916) 555-0123" } },
  contactWindow: "09:00-20:00",
};

/** Ana's token with its payload swapped for one naming Ben: the signature no longer matches. */
function swappedPayload(token: string, voterId: string): string {
  const [version, payload, signature] = token.split(".");
  const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: voterId })).toString("base64url");
  return `${version}.${forged}.${signature}`;
}

describe("tokens cannot be forged or bent", () => {
  const anaToken = () => tokenFor(ana.voterId);
  test.for([
    ["the payload names another voter", () => swappedPayload(anaToken(), ben.voterId)],
    ["a flipped signature character", () => `${anaToken().slice(0, -2)}${anaToken().endsWith("A") ? "B" : "A"}A`],
    ["no signature", () => anaToken().split(".").slice(0, 2).join(".")],
    [
      "signed with another key",
      () => createTokenSigner("another-key-entirely-0123456789-abcdef").sign(ana.voterId, testToday.getTime()).token,
    ],
    [
      "an alg-none style token",
      () => `v1.${Buffer.from('{"sub":"V1001","exp":9999999999,"aud":"alerts"}').toString("base64url")}.`,
    ],
    ["a huge token", () => `v1.${"a".repeat(10_000)}.${"b".repeat(43)}`],
    ["a token with Unicode", () => `v1.ëÿ.${"b".repeat(43)}`],
  ] as const)("%s: 401 TOKEN_INVALID, nothing read or written", async ([, forge], { ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    await callSubscriptions(app, "PUT", anaToken(), { body: anaSignUp });
    const before = await ns.redis.hgetall(ns.keys.subscription(ana.voterId));
    for (const method of ["GET", "PUT", "DELETE"] as const) {
      const answer = await callSubscriptions(app, method, forge(), method === "PUT" ? { body: anaSignUp } : {});
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe("TOKEN_INVALID");
      expect(JSON.stringify(answer.body)).not.toContain("***");
    }
    expect(await ns.redis.hgetall(ns.keys.subscription(ana.voterId))).toEqual(before);
  });
});

describe("one voter's token reaches only that voter", () => {
  test("Ben's token reads, changes and unsubscribes Ben, never Ana", async ({ ns }) => {
    await seedVoter(ns, ana);
    await seedVoter(ns, ben);
    const { app } = createTestApi(ns);
    await callSubscriptions(app, "PUT", tokenFor(ana.voterId), { body: anaSignUp });
    const anaBefore = await ns.redis.hgetall(ns.keys.subscription(ana.voterId));
    const benToken = tokenFor(ben.voterId);

    expect((await callSubscriptions(app, "GET", benToken)).body.channels).toEqual([]);
    await callSubscriptions(app, "PUT", benToken, { body: { channels: { email: { address: "ben@example.com" } } } });
    await callSubscriptions(app, "DELETE", benToken);
    // The voter id is never taken from the request, only from the token: a path or body naming Ana changes nothing.
    expect(
      (await callSubscriptions(app, "DELETE", benToken, { path: `/v1/subscriptions/${ana.voterId}` })).status,
    ).toBe(400);
    const smuggled = await callSubscriptions(app, "PUT", benToken, {
      body: { voterId: ana.voterId, channels: { email: { address: "ben@example.com" } } },
    });
    expect(smuggled.status).toBe(400);

    expect(await ns.redis.hgetall(ns.keys.subscription(ana.voterId))).toEqual(anaBefore);
    const benView = await callSubscriptions(app, "GET", benToken);
    expect(benView.body.channels?.map(({ channel, address, consent }) => [channel, address, consent])).toEqual([
      ["email", "b***@example.com", "opted_out"],
    ]);
  });
});

describe("hostile input", () => {
  test.for([
    ["a header injection in an email", { email: { address: "ana@example.com\r\nBcc: all@example.com" } }],
    ["HTML in an email", { email: { address: '"><script>alert(1)</script>@example.com' } }],
    ["a Redis command in an email", { email: { address: "a@example.com\r\nFLUSHALL\r\n" } }],
    ["a non-ASCII local part", { email: { address: "josé@example.com" } }],
    ["a right-to-left override in an email", { email: { address: "ana\u202E@example.com" } }],
    ["Arabic-Indic digits in a number", { sms: { address: "٩١٦٥٥٥٠١٢٣" } }],
    ["full-width digits in a number", { sms: { address: "９１６５５５０１２３" } }],
    ["a number with SQL", { voice: { address: "916-555-0123'; DROP TABLE voters;--" } }],
    ["an address of 100 kB", { email: { address: `${"a".repeat(3_000)}@example.com` } }],
  ] as const)("%s: 400, nothing stored", async ([, channels], { ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const answer = await callSubscriptions(app, "PUT", tokenFor(ana.voterId), { body: { channels } });
    expect([400, 413]).toContain(answer.status);
    expect(await ns.redis.exists(ns.keys.subscription(ana.voterId))).toBe(0);
  });

  test("__proto__ and constructor keys are refused, not merged", async ({ ns }) => {
    const { app } = createTestApi(ns);
    const body = '{"channels":{"email":{"address":"a@example.com"}},"__proto__":{"isAdmin":true}}';
    const answer = await callSubscriptions(app, "PUT", tokenFor(ana.voterId), { body });
    expect(answer.status).toBe(400);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  test("a body over the limit: 413 PAYLOAD_TOO_LARGE, declared or not", async ({ ns }) => {
    const { app } = createTestApi(ns, { maxBodyBytes: 1024 });
    const big = JSON.stringify({ channels: { email: { address: "a@example.com" } }, pad: "x".repeat(5_000) });
    const declared = await callSubscriptions(app, "PUT", tokenFor(ana.voterId), { body: big });
    expect(declared.status).toBe(413);
    expect(declared.body.error?.code).toBe("PAYLOAD_TOO_LARGE");
    const streamed = await app.request("/v1/subscriptions", {
      method: "PUT",
      headers: { authorization: `Bearer ${tokenFor(ana.voterId)}`, "content-type": "application/json" },
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});

describe("privacy", () => {
  test("addresses never appear in answers in full, nor in logs", async ({ ns }) => {
    await seedVoter(ns, ana);
    const api = createTestApi(ns);
    const token = tokenFor(ana.voterId);
    const answers = [
      await callSubscriptions(api.app, "PUT", token, { body: anaSignUp }),
      await callSubscriptions(api.app, "GET", token),
      await callSubscriptions(api.app, "DELETE", token, { path: "/v1/subscriptions/sms" }),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain("ana.private");
      expect(text).not.toContain("555");
    }
    const logs = api.logLines().join("\n");
    expect(logs).toContain("subscription saved");
    expect(logs).not.toContain("ana.private");
    expect(logs).not.toContain("5550123");
    expect(logs).not.toContain(token);
  });
});

describe("CORS and headers", () => {
  test("the site's origin may PUT and DELETE with a bearer token; answers are not cached", async ({ ns }) => {
    const { app } = createTestApi(ns);
    const preflight = await app.request("/v1/subscriptions", {
      method: "OPTIONS",
      headers: {
        origin: "https://ballots.example.org",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("DELETE");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");
    const answer = await callSubscriptions(app, "GET", tokenFor(ana.voterId));
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});

describe("provider webhooks on the API fail closed", () => {
  test("without Twilio's token or Resend's secret configured, every webhook is refused with 403", async ({ ns }) => {
    const { app } = createTestApi(ns, { notify: notifyRoutesOf(ns) });
    const form = { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "forged" };
    for (const path of ["/v1/notify/webhooks/twilio/sms", "/v1/notify/webhooks/twilio/status"]) {
      const answer = await app.request(path, { method: "POST", headers: form, body: "From=%2B19165550123&Body=STOP" });
      expect(answer.status).toBe(403);
    }
    const resend = await app.request("/v1/notify/webhooks/resend", {
      method: "POST",
      headers: { "content-type": "application/json", "svix-id": "x", "svix-timestamp": "1", "svix-signature": "v1,x" },
      body: "{}",
    });
    expect(resend.status).toBe(403);
    const oversized = await app.request("/v1/notify/webhooks/twilio/sms", {
      method: "POST",
      headers: form,
      body: "x".repeat(70 * 1024),
    });
    expect(oversized.status).toBe(413);
  });

  test("without link routes configured, /v1/notify is not served", async ({ ns }) => {
    const { app } = createTestApi(ns);
    expect((await app.request("/v1/notify/confirm?token=x")).status).toBe(404);
  });
});
