// Shared by the API's integration tests: seeds Redis the way the tracker writes it, and builds the app as main.ts does.

import { Writable } from "node:stream";
import {
  createIdentityHasher,
  RedisBallotStore,
  RedisNotificationLog,
  RedisSubscriptionStore,
  type RunningServer,
  serveHttp,
} from "@ballot/adapters";
import { RedisVoterRecords } from "@ballot/adapters/redis/voter-records";
import { ballotKeyOf } from "@ballot/contracts";
import {
  applyEvidence,
  type BallotEvidence,
  type BallotState,
  canonicalIdentity,
  emptyBallotState,
  type IdentityInput,
} from "@ballot/core";
import { createLogger } from "@ballot/runtime";
import type { TestNamespace } from "@ballot/testing";
import { type ApiOptions, createApiApp } from "./app.ts";
import { createApiMetrics } from "./metrics.ts";
import { createTokenSigner } from "./token.ts";

export const testIdentityHashKey = "api-test-identity-hash-key-0123456789";
export const testTokenKey = "api-test-token-key-0123456789-abcdefghij";
export const hashTestIdentity = createIdentityHasher(testIdentityHashKey);
/** The day the tests live on, so that birth dates "in the future" stay so. */
export const testToday = new Date("2026-10-20T12:00:00Z");

export interface SeedBallot {
  readonly ballotId: string;
  readonly electionId?: string;
  readonly issuedAt?: string;
  /** Evidence after issuance, applied in order by the same reducer the tracker uses. */
  readonly evidence?: readonly BallotEvidence[];
  readonly expectedDeliveryDate?: string;
}

export interface SeedVoter extends IdentityInput {
  readonly voterId: string;
  readonly county?: string;
  readonly ballots?: readonly SeedBallot[];
}

let serial = 0;

function ballotStateOf(voter: SeedVoter, ballot: SeedBallot): BallotState {
  const issued: BallotEvidence = {
    kind: "issued",
    ballotId: ballot.ballotId,
    voterId: voter.voterId,
    county: voter.county ?? "06999",
    electionId: ballot.electionId ?? "2026-11-03-general",
    zip: voter.zip.slice(0, 5),
    occurredAtMs: Date.parse(ballot.issuedAt ?? "2026-10-05T09:00:00Z"),
  };
  return [issued, ...(ballot.evidence ?? [])].reduce(applyEvidence, emptyBallotState);
}

/**
 * Writes a voter as the tracker does (county-voter.ts, county-ballot.ts): the identity index under the keyed hash of
 * the canonical identity, the voter hash, the ballot index and each ballot through RedisBallotStore.
 */
export async function seedVoter(ns: TestNamespace, voter: SeedVoter): Promise<{ ballotKeys: string[] }> {
  const canonical = canonicalIdentity(voter, testToday.toISOString().slice(0, 10));
  if (!canonical.ok) throw new Error(`test voter ${voter.voterId} has an invalid identity: ${canonical.error.message}`);
  const identityHash = hashTestIdentity(canonical.value);
  const store = new RedisBallotStore(ns.redis, ns.keys);
  const ballotKeys: string[] = [];
  const pipeline = ns.redis.multi();
  for (const ballot of voter.ballots ?? []) {
    serial += 1;
    const ballotKey = ballotKeyOf("314159", String(serial).padStart(9, "0"));
    if (!(await store.compareAndSet(ballotKey, 0, ballotStateOf(voter, ballot)))) {
      throw new Error(`ballot ${ballotKey} was already seeded`);
    }
    ballotKeys.push(ballotKey);
    store.index.record(pipeline, { ballotKey, ballotId: ballot.ballotId, voterId: voter.voterId, aliases: [] });
  }
  pipeline.sadd(ns.keys.identity(identityHash), voter.voterId);
  await pipeline.exec();
  await new RedisVoterRecords(ns.redis, ns.keys).write({
    voterId: voter.voterId,
    county: voter.county ?? "06999",
    zip: voter.zip.slice(0, 5),
    language: "en",
    identityHash,
    updatedAt: "2026-10-01T00:00:00Z",
  });
  return { ballotKeys };
}

export const ana: SeedVoter = {
  voterId: "V1001",
  firstName: "Ana",
  lastName: "Lee",
  dateOfBirth: "1980-12-31",
  zip: "95616",
  ballots: [
    {
      ballotId: "B1001",
      evidence: [
        { kind: "county", status: "mailed", occurredAtMs: Date.parse("2026-10-06T09:00:00Z") },
        {
          kind: "usps",
          leg: "outbound",
          milestone: "in_transit",
          occurredAtMs: Date.parse("2026-10-07T02:40:00Z"),
          expectedDeliveryDate: "2026-10-09",
        },
      ],
    },
  ],
};

/**
 * Ana with one ballot that her county received and then rejected, with what the county said about it (reason, cure
 * deadline and form).
 */
export const anaRejected = (rejection: {
  readonly reasonCode: string;
  readonly cureDeadline?: string;
  readonly cureUrl?: string;
}): SeedVoter => ({
  ...ana,
  ballots: [
    {
      ballotId: "B-CURE",
      evidence: [
        { kind: "county", status: "received", occurredAtMs: Date.parse("2026-10-12T10:00:00Z") },
        { kind: "county", status: "rejected", occurredAtMs: Date.parse("2026-10-13T10:00:00Z"), ...rejection },
      ],
    },
  ],
});

/** Ana's details as a voter types them into the form. */
export const anaLookup = { firstName: "Ana", lastName: "Lee", dateOfBirth: "12-31-1980", zip: "95616" };

/** Plenty of room by default, so that only the tests about limits meet them. */
export const roomyRateLimits: NonNullable<ApiOptions["rateLimits"]> = {
  perAddress: { limit: 10_000, windowMs: 60_000 },
  perIdentityMiss: { limit: 10_000, windowMs: 60_000 },
};

/** The link secret of the tests' notifier routes. */
export const testLinkSecret = "api-test-link-secret-0123456789-abcdefgh";

/** The notifier's links and webhooks mounted on the API, as main.ts does with NOTIFIER_LINK_SECRET set. */
export const notifyRoutesOf = (ns: TestNamespace): NonNullable<ApiOptions["notify"]> => ({
  handlers: {
    redis: ns.redis,
    keys: ns.keys,
    subscriptions: new RedisSubscriptionStore(ns.redis, ns.keys),
    notifications: new RedisNotificationLog(ns.redis, ns.keys),
    linkSecret: testLinkSecret,
    countySettingsOf: () => undefined,
  },
});

export interface TestApi {
  readonly app: ReturnType<typeof createApiApp>;
  /** What the app logged, one JSON line each. */
  readonly logLines: () => string[];
}

/** The site origin the test API allows (CORS). */
export const testSiteOrigin = "https://ballots.example.org";

export function createTestApi(ns: TestNamespace, overrides: Partial<ApiOptions> = {}): TestApi {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  const app = createApiApp({
    redis: ns.redis,
    store: new RedisBallotStore(ns.redis, ns.keys),
    keys: ns.keys,
    hashIdentity: hashTestIdentity,
    siteOrigin: testSiteOrigin,
    maxBodyBytes: 4 * 1024,
    log: createLogger({ name: "api-test", level: "info", destination }),
    tokenKey: testTokenKey,
    rateLimits: roomyRateLimits,
    staffSignInFailureLimit: { limit: 10_000, windowMs: 60_000 },
    metrics: createApiMetrics(),
    now: () => testToday,
    ...overrides,
  });
  return { app, logLines: () => [...lines] };
}

/** Runs `use` with the app on a real Node HTTP server (for what only a real connection has), then closes it. */
export async function withServedTestApi<T>(
  ns: TestNamespace,
  overrides: Partial<ApiOptions>,
  use: (server: RunningServer) => Promise<T>,
): Promise<T> {
  const server = await serveHttp(createTestApi(ns, overrides).app);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

export interface LookupAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    ballots?: Record<string, unknown>[];
    token?: string;
    error?: { code: string; message: string; requestId: string; details?: { field?: string } };
  };
}

export async function postLookup(
  app: TestApi["app"],
  body: unknown,
  headers: Record<string, string> = {},
): Promise<LookupAnswer> {
  const response = await app.request("/v1/lookup", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as LookupAnswer["body"] };
}

/** The site's lookup form as a browser without JavaScript sends it (URL-encoded, with the page's `lang`). */
export async function postLookupPage(
  app: TestApi["app"],
  fields: Readonly<Record<string, string>>,
  headers: Record<string, string> = {},
): Promise<{ readonly status: number; readonly headers: Headers; readonly html: string }> {
  const response = await app.request("/v1/lookup/page", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** Ben, a second voter: his token must never reach Ana's alerts. */
export const ben: SeedVoter = {
  voterId: "V2002",
  firstName: "Ben",
  lastName: "Ortiz",
  dateOfBirth: "1975-03-04",
  zip: "95814",
  ballots: [{ ballotId: "B2002" }],
};

/** A lookup token for a voter, signed as the API signs them (valid for 15 minutes after `testToday`). */
export const tokenFor = (voterId: string): string =>
  createTokenSigner(testTokenKey).sign(voterId, testToday.getTime()).token;

export interface SubscriptionAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    language?: string;
    contactWindow?: string | null;
    channels?: {
      channel: string;
      address: string;
      consent: string;
      contactWindow: string | null;
      language: string | null;
    }[];
    error?: { code: string; message: string; requestId: string; details?: { field?: string } };
  };
}

/** One request to the alert routes with a voter's token (none when `token` is undefined). */
export async function callSubscriptions(
  app: TestApi["app"],
  method: "GET" | "PUT" | "DELETE",
  token: string | undefined,
  options: { readonly path?: string; readonly body?: unknown; readonly headers?: Record<string, string> } = {},
): Promise<SubscriptionAnswer> {
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}) };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await app.request(options.path ?? "/v1/subscriptions", {
    method,
    headers: { ...headers, ...options.headers },
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}
