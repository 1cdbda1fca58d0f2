import { describe, expect, type TestNamespace, test, waitFor } from "@ballot/testing";
import { staffTokensEnv, stateApprover, yolo, yoloViewer } from "./dashboard-test-support.ts";
import { parseStaffTokens } from "./staff-auth.ts";
import { createTestApi } from "./test-support.ts";

const guesser = "203.0.113.5";
const office = "198.51.100.7";

function createApi(ns: TestNamespace, windowMs = 60_000) {
  return createTestApi(ns, {
    staffTokens: parseStaffTokens(staffTokensEnv([yoloViewer, stateApprover])),
    trustedProxyHops: 1,
    staffSignInFailureLimit: { limit: 3, windowMs },
  });
}

const signIn = async (app: ReturnType<typeof createApi>["app"], address: string, authorization: string | undefined) => {
  const response = await app.request(`/v1/dashboard/counties/${yolo}/summary`, {
    headers: { "x-forwarded-for": address, ...(authorization ? { authorization } : {}) },
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
};
const wrong = (index: number) => `Bearer staff-guess-${index}-0123456789abcdef0123456789abcdef`;
const right = `Bearer ${yoloViewer.token}`;

async function stateAudit(ns: TestNamespace) {
  const entries = await ns.redis.xrange(ns.keys.staffAudit("state"), "-", "+");
  return entries.map(([, fields]) =>
    Object.fromEntries(fields.flatMap((_, i) => (i % 2 ? [] : [[fields[i], fields[i + 1]]]))),
  );
}

describe("failed staff sign-ins are limited per client address", () => {
  test("after 3 wrong tokens the address gets 429 with Retry-After, a correct token too; other addresses go on", async ({
    ns,
  }) => {
    const { app, logLines } = createApi(ns);
    for (const index of [1, 2, 3]) expect((await signIn(app, guesser, wrong(index))).status).toBe(401);
    const refused = await signIn(app, guesser, right);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body).error).toMatchObject({ code: "RATE_LIMITED" });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect((await signIn(app, guesser, wrong(4))).status).toBe(429);
    expect((await signIn(app, office, right)).status).toBe(200);

    const audit = await stateAudit(ns);
    expect(audit.map((entry) => [entry.action, entry.address, entry.outcome])).toEqual([
      ["sign-in failed: unknown token", guesser, "denied"],
      ["sign-in failed: unknown token", guesser, "denied"],
      ["sign-in failed: unknown token", guesser, "denied"],
      // Refused again and again: recorded once (a flood must not push real entries out of the capped log).
      ["sign-in refused: too many failed sign-ins", guesser, "denied"],
    ]);
    // Neither the guesses nor the right token reach the audit log or the logs.
    const seen = JSON.stringify(audit) + logLines().join("\n");
    expect(seen).not.toContain("staff-guess");
    expect(seen).not.toContain(yoloViewer.token);
  });

  test("only failures count: staff at work and requests with no token never use up the limit", async ({ ns }) => {
    const { app } = createApi(ns);
    for (let index = 0; index < 10; index += 1) expect((await signIn(app, office, right)).status).toBe(200);
    for (let index = 0; index < 10; index += 1) expect((await signIn(app, office, undefined)).status).toBe(401);
    expect((await signIn(app, office, wrong(1))).status).toBe(401);
    expect((await signIn(app, office, "Basic c29tZW9uZQ==")).status).toBe(401);
    expect((await signIn(app, office, right)).status).toBe(200);
    expect((await stateAudit(ns)).map((entry) => entry.action)).toEqual([
      "sign-in failed: unknown token",
      "sign-in failed: not a bearer token",
    ]);
  });

  test("once the window has moved on, the address may sign in again", async ({ ns }) => {
    const { app } = createApi(ns, 1_000);
    for (const index of [1, 2, 3]) expect((await signIn(app, guesser, wrong(index))).status).toBe(401);
    expect((await signIn(app, guesser, right)).status).toBe(429);
    await waitFor("the window to move on", async () => (await signIn(app, guesser, right)).status === 200, {
      timeoutMs: 5_000,
    });
  });
});
