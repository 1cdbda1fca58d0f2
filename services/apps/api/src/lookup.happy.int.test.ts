import { describe, expect, test } from "@ballot/testing";
import { ana, anaLookup, anaRejected, createTestApi, postLookup, seedVoter, testToday } from "./test-support.ts";

describe("POST /v1/lookup finds the voter", () => {
  test("by name, MM-DD-YYYY birth date and ZIP: the ballot's status, timeline, expected delivery and a token", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const answer = await postLookup(app, anaLookup);
    expect(answer.status).toBe(200);
    expect(answer.body.ballots).toEqual([
      {
        ballotId: "B1001",
        electionId: "2026-11-03-general",
        status: "in_transit",
        asOf: "2026-10-07T02:40:00.000Z",
        timeline: [
          { status: "issued", at: "2026-10-05T09:00:00.000Z" },
          { status: "mailed", at: "2026-10-06T09:00:00.000Z" },
          { status: "in_transit", at: "2026-10-07T02:40:00.000Z" },
        ],
        expectedDeliveryDate: "2026-10-09",
      },
    ]);
    expect(answer.body.token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const verified = await app.request("/v1/token/verify", {
      headers: { authorization: `Bearer ${answer.body.token}` },
    });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({
      valid: true,
      expiresAt: new Date(testToday.getTime() + 15 * 60_000).toISOString(),
    });
  });

  test.for([
    ["ISO birth date", { dateOfBirth: "1980-12-31" }],
    ["slashes in the birth date", { dateOfBirth: "12/31/1980" }],
    ["ZIP+4", { zip: "95616-1234" }],
    ["any case and spaces", { firstName: "  aNA ", lastName: "LEE" }],
    ["punctuation", { firstName: "A.na", lastName: "Lee," }],
  ] as const)("however it is written: %s", async ([, change], { ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const answer = await postLookup(app, { ...anaLookup, ...change });
    expect(answer.status).toBe(200);
    expect(answer.body.ballots?.[0]?.ballotId).toBe("B1001");
  });

  test.for([
    ["accents and hyphens", "Zoë", "Nguyễn-Smith", "zoe", "NGUYEN SMITH"],
    ["apostrophes and combining marks", "José", "O'Brien-Núñez", "JOSE", "obrien nunez"],
    ["Chinese", "小明", "王", "小明", "王"],
    ["Korean", "민준", "김", "민준", "김"],
    ["Khmer", "សុខា", "ចាន់", "សុខា", "ចាន់"],
    ["Vietnamese precomposed vs decomposed", "Đức", "Trần", "Đức", "Tra\u0300n"],
    ["Thai", "สมชาย", "ใจดี", "สมชาย", "ใจดี"],
  ] as const)("Unicode names: %s", async ([, firstName, lastName, typedFirst, typedLast], { ns }) => {
    await seedVoter(ns, { ...ana, voterId: "V-U1", firstName, lastName });
    const { app } = createTestApi(ns);
    const answer = await postLookup(app, { ...anaLookup, firstName: typedFirst, lastName: typedLast });
    expect(answer.status).toBe(200);
    expect(answer.body.ballots).toHaveLength(1);
  });

  test("a rejected ballot that can be cured says why, by when and where", async ({ ns }) => {
    await seedVoter(
      ns,
      anaRejected({
        reasonCode: "signature_mismatch",
        cureDeadline: "2026-12-01",
        cureUrl: "https://county.example.gov/cure?ballot=B-CURE",
      }),
    );
    const answer = await postLookup(createTestApi(ns).app, anaLookup);
    expect(answer.status).toBe(200);
    expect(answer.body.ballots?.[0]).toMatchObject({
      status: "cure_pending",
      rejection: {
        reason: "signature_mismatch",
        cureDeadline: "2026-12-01",
        cureUrl: "https://county.example.gov/cure?ballot=B-CURE",
      },
    });
    expect(answer.body.ballots?.[0]?.timeline).toContainEqual({
      status: "cure_pending",
      at: "2026-10-13T10:00:00.000Z",
      reasonCode: "signature_mismatch",
    });
  });

  test("a rejection that cannot be cured gives its reason and no cure", async ({ ns }) => {
    await seedVoter(ns, {
      ...ana,
      ballots: [
        {
          ballotId: "B-LATE",
          evidence: [
            {
              kind: "county",
              status: "rejected",
              occurredAtMs: Date.parse("2026-11-10T10:00:00Z"),
              reasonCode: "postmark_late",
            },
          ],
        },
      ],
    });
    const ballot = (await postLookup(createTestApi(ns).app, anaLookup)).body.ballots?.[0];
    expect(ballot).toMatchObject({ status: "rejected", rejection: { reason: "postmark_late" } });
    expect(ballot?.rejection).toEqual({ reason: "postmark_late" });
  });

  test("a cured ballot no longer carries a rejection", async ({ ns }) => {
    await seedVoter(ns, {
      ...ana,
      ballots: [
        {
          ballotId: "B-CURED",
          evidence: [
            {
              kind: "county",
              status: "rejected",
              occurredAtMs: Date.parse("2026-10-13T10:00:00Z"),
              reasonCode: "signature_missing",
            },
            { kind: "county", status: "cured", occurredAtMs: Date.parse("2026-10-15T10:00:00Z") },
          ],
        },
      ],
    });
    const ballot = (await postLookup(createTestApi(ns).app, anaLookup)).body.ballots?.[0];
    expect(ballot?.status).toBe("cured");
    expect(ballot).not.toHaveProperty("rejection");
  });

  test("a reissued voter sees the newest ballot first and the older one superseded", async ({ ns }) => {
    await seedVoter(ns, {
      ...ana,
      ballots: [
        {
          ballotId: "B-OLD",
          issuedAt: "2026-10-01T09:00:00Z",
          evidence: [{ kind: "county", status: "superseded", occurredAtMs: Date.parse("2026-10-08T09:00:00Z") }],
        },
        { ballotId: "B-NEW", issuedAt: "2026-10-08T09:00:00Z" },
      ],
    });
    const ballots = (await postLookup(createTestApi(ns).app, anaLookup)).body.ballots;
    expect(ballots?.map((ballot) => [ballot.ballotId, ballot.status])).toEqual([
      ["B-NEW", "issued"],
      ["B-OLD", "superseded"],
    ]);
  });

  test("two voters with the same details: the voter ID picks one", async ({ ns }) => {
    await seedVoter(ns, ana);
    await seedVoter(ns, { ...ana, voterId: "V2002", ballots: [{ ballotId: "B2002" }] });
    const answer = await postLookup(createTestApi(ns).app, { ...anaLookup, voterId: "V2002" });
    expect(answer.status).toBe(200);
    expect(answer.body.ballots?.map((ballot) => ballot.ballotId)).toEqual(["B2002"]);
  });

  test("a registered voter without a ballot yet is found, with no ballots and a token", async ({ ns }) => {
    await seedVoter(ns, { ...ana, ballots: [] });
    const answer = await postLookup(createTestApi(ns).app, anaLookup);
    expect(answer.status).toBe(200);
    expect(answer.body.ballots).toEqual([]);
    expect(answer.body.token).toBeDefined();
  });

  test("a voter checking on their ballot again and again is not held back by the name+ZIP limit", async ({ ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns, {
      rateLimits: {
        perAddress: { limit: 1_000, windowMs: 60_000 },
        perIdentityMiss: { limit: 2, windowMs: 60_000 },
      },
    });
    const statuses = [];
    for (let index = 0; index < 12; index += 1) statuses.push((await postLookup(app, anaLookup)).status);
    expect(statuses).toEqual(Array(12).fill(200));
  });

  test("the site's origin may call it from a browser", async ({ ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const preflight = await app.request("/v1/lookup", {
      method: "OPTIONS",
      headers: {
        origin: "https://ballots.example.org",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://ballots.example.org");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    const answer = await postLookup(app, anaLookup, { origin: "https://ballots.example.org" });
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://ballots.example.org");
    expect(answer.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });
});

describe("operations endpoints", () => {
  test("/healthz and /readyz answer ok while Redis does", async ({ ns }) => {
    const { app } = createTestApi(ns);
    for (const path of ["/healthz", "/readyz"]) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
  });

  test("/metrics counts requests by route and status, times them, and counts lookups by outcome", async ({ ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    await postLookup(app, anaLookup);
    await postLookup(app, anaLookup);
    await postLookup(app, { ...anaLookup, zip: "90001" });
    const response = await app.request("/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain('api_http_requests_total{route="/v1/lookup",method="POST",status="200"} 2');
    expect(text).toContain('api_http_requests_total{route="/v1/lookup",method="POST",status="404"} 1');
    expect(text).toContain('api_http_request_duration_seconds_count{route="/v1/lookup",method="POST"} 3');
    expect(text).toMatch(
      /api_http_request_duration_seconds_bucket\{le="0.005",route="\/v1\/lookup",method="POST"\} \d/,
    );
    expect(text).toContain('api_lookups_total{outcome="found"} 2');
    expect(text).toContain('api_lookups_total{outcome="not_found"} 1');
    expect(text).toContain('api_lookups_total{outcome="rate_limited_identity"} 0');
  });
});
