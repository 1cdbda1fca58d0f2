import { connectRedis } from "@ballot/adapters";
import { describe, expect, test } from "@ballot/testing";
import { ana, anaLookup, createTestApi, postLookup, seedVoter } from "./test-support.ts";

const errorShape = {
  error: { code: expect.any(String), message: expect.any(String), requestId: expect.any(String) },
};

describe("POST /v1/lookup answers what went wrong", () => {
  test("nobody matches: 404 VOTER_NOT_FOUND with the guidance voters need, in the one error shape", async ({ ns }) => {
    await seedVoter(ns, ana);
    const answer = await postLookup(createTestApi(ns).app, { ...anaLookup, dateOfBirth: "12-30-1980" });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject(errorShape);
    expect(answer.body.error?.code).toBe("VOTER_NOT_FOUND");
    expect(answer.body.error?.message).toMatch(/registration/);
    expect(answer.body.error?.message).toMatch(/New registrations take a few days/);
    expect(answer.body.error?.requestId).toBe(answer.headers.get("x-request-id"));
    expect(answer.body).not.toHaveProperty("token");
  });

  test("two voters match: 409 VOTER_AMBIGUOUS asks for the voter ID", async ({ ns }) => {
    await seedVoter(ns, ana);
    await seedVoter(ns, { ...ana, voterId: "V2002" });
    const answer = await postLookup(createTestApi(ns).app, anaLookup);
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: "VOTER_AMBIGUOUS", details: { field: "voterId" } });
    expect(answer.body.error?.message).toMatch(/voter ID/);
    expect(answer.body).not.toHaveProperty("token");
  });

  test("a voter ID that is not among the matches finds nobody", async ({ ns }) => {
    await seedVoter(ns, ana);
    await seedVoter(ns, { ...ana, voterId: "V2002" });
    const answer = await postLookup(createTestApi(ns).app, { ...anaLookup, voterId: "V9999" });
    expect(answer.status).toBe(404);
    expect(answer.body.error?.code).toBe("VOTER_NOT_FOUND");
  });

  test.for([
    ["before 1900-01-01", "12-31-1899", /before 01-01-1900/],
    ["in the future", "10-21-2026", /future/],
    ["a day that does not exist", "02-30-1990", /does not exist/],
    ["day and month swapped", "31-12-1980", /does not exist|MM-DD-YYYY/],
    ["words", "yesterday", /MM-DD-YYYY/],
    ["two-digit year", "12-31-80", /MM-DD-YYYY/],
    ["empty", "", /MM-DD-YYYY/],
  ] as const)("a bad birth date (%s) is a 400 on dateOfBirth saying why", async ([, dateOfBirth, why], { ns }) => {
    const answer = await postLookup(createTestApi(ns).app, { ...anaLookup, dateOfBirth });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: { field: "dateOfBirth" } });
    expect(answer.body.error?.message).toMatch(why);
  });

  test.for([
    ["missing first name", { firstName: undefined }, "firstName"],
    ["blank first name", { firstName: " .- " }, "firstName"],
    ["a number for a name", { lastName: 42 }, "lastName"],
    ["a four-digit ZIP", { zip: "9561" }, "zip"],
    ["letters in the ZIP", { zip: "9561A" }, "zip"],
    ["an overlong name", { firstName: "a".repeat(101) }, "firstName"],
    ["an overlong voter ID", { voterId: "V".repeat(65) }, "voterId"],
  ] as const)("%s is a 400 naming the field", async ([, change, field], { ns }) => {
    const answer = await postLookup(createTestApi(ns).app, { ...anaLookup, ...change });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: { field } });
  });

  test.for([
    ["not JSON", "firstName=Ana"],
    ["a JSON array", "[]"],
    ["JSON null", "null"],
    ["an empty body", ""],
  ] as const)("a body that is %s is a 400", async ([, body], { ns }) => {
    const answer = await postLookup(createTestApi(ns).app, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe("VALIDATION_FAILED");
  });

  test("a body over the limit is a 413", async ({ ns }) => {
    const answer = await postLookup(createTestApi(ns).app, { ...anaLookup, padding: "x".repeat(5_000) });
    expect(answer.status).toBe(413);
    expect(answer.body.error?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  test("too many lookups from one address: 429 RATE_LIMITED with Retry-After", async ({ ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns, {
      rateLimits: { perAddress: { limit: 3, windowMs: 60_000 }, perIdentityMiss: { limit: 100, windowMs: 60_000 } },
    });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await postLookup(app, anaLookup)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await postLookup(app, anaLookup);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject(errorShape);
    expect(refused.body.error?.code).toBe("RATE_LIMITED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.error?.message).toContain(`${retryAfter} seconds`);
  });

  test("too many misses for one name and ZIP: 429 RATE_LIMITED with Retry-After", async ({ ns }) => {
    const { app } = createTestApi(ns, {
      rateLimits: { perAddress: { limit: 100, windowMs: 60_000 }, perIdentityMiss: { limit: 2, windowMs: 600_000 } },
    });
    const statuses = [];
    for (const day of ["01", "02", "03"]) {
      statuses.push((await postLookup(app, { ...anaLookup, dateOfBirth: `01-${day}-1970` })).status);
    }
    expect(statuses).toEqual([404, 404, 429]);
  });

  test("Redis unreachable: 503 UNAVAILABLE from the lookup and /readyz, and the log names no voter", async ({
    ns,
    servers,
  }) => {
    const closed = connectRedis(servers.redisUrl, "closed");
    closed.disconnect();
    const { app, logLines } = createTestApi(ns, { redis: closed });
    const answer = await postLookup(app, anaLookup);
    expect(answer.status).toBe(503);
    expect(answer.body.error?.code).toBe("UNAVAILABLE");
    expect(answer.body.error?.message).not.toMatch(/Connection|Redis|stack/i);
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");
    expect(logLines().some((line) => line.includes("request failed"))).toBe(true);
    expect(logLines().join("\n")).not.toMatch(/Ana|Lee|1980/);
  });

  test("an unknown path or method: 404 NOT_FOUND in the one error shape", async ({ ns }) => {
    const { app } = createTestApi(ns);
    for (const [path, method] of [
      ["/v1/nothing-here", "GET"],
      ["/v1/lookup", "GET"],
      ["/v2/lookup", "POST"],
    ] as const) {
      const response = await app.request(path, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
  });
});

describe("GET /v1/token/verify refuses what is not a good token", () => {
  test.for([
    ["no Authorization header", undefined],
    ["a Basic header", "Basic dXNlcjpwYXNz"],
    ["an empty bearer", "Bearer "],
    ["garbage", "Bearer not-a-token"],
  ] as const)("%s: 401 TOKEN_INVALID with WWW-Authenticate", async ([, authorization], { ns }) => {
    const response = await createTestApi(ns).app.request("/v1/token/verify", {
      headers: authorization === undefined ? {} : { authorization },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(await response.json()).toMatchObject({ error: { code: "TOKEN_INVALID" } });
  });
});
