// Shared by the dashboard's integration tests: ballots written as the tracker writes them (state, counts and queues
// in one step through RedisBallotStore.write), and staff tokens configured as API_STAFF_TOKENS has them.
import { RedisBallotStore, RedisSubscriptionStore } from "@ballot/adapters";
import { ballotKeyOf } from "@ballot/contracts";
import {
  applyEvidence,
  type BallotEvidence,
  type Channel,
  type ConsentState,
  emptyBallotState,
  type Language,
} from "@ballot/core";
import { sampleCountySettings } from "@ballot/core/test-data/county-settings";
import type { TestNamespace } from "@ballot/testing";
import { hashStaffToken, parseStaffTokens, type StaffRole, type StaffToken } from "./staff-auth.ts";
import { createTestApi, seedVoter, type TestApi, testToday } from "./test-support.ts";

const day = 86_400_000;
export const daysAgo = (days: number): number => testToday.getTime() - days * day;

export interface DashboardBallot {
  readonly ballotId: string;
  readonly county: string;
  readonly zip: string;
  readonly evidence?: readonly BallotEvidence[];
}

let serial = 0;

export async function seedCountyBallots(ns: TestNamespace, ballots: readonly DashboardBallot[]): Promise<string[]> {
  const store = new RedisBallotStore(ns.redis, ns.keys);
  const ballotKeys: string[] = [];
  for (const ballot of ballots) {
    serial += 1;
    const ballotKey = ballotKeyOf("271828", String(serial).padStart(9, "0"));
    const issued: BallotEvidence = {
      kind: "issued",
      ballotId: ballot.ballotId,
      voterId: `V-${ballot.ballotId}`,
      county: ballot.county,
      electionId: "2026-11-03-general",
      zip: ballot.zip,
      occurredAtMs: daysAgo(30),
    };
    const state = [issued, ...(ballot.evidence ?? [])].reduce(applyEvidence, emptyBallotState);
    const outcome = await store.write(ballotKey, undefined, state);
    if (outcome.outcome !== "written") throw new Error(`ballot ${ballotKey} was not written: ${outcome.outcome}`);
    await ns.redis.sadd(ns.keys.counties(), ballot.county);
    ballotKeys.push(ballotKey);
  }
  return ballotKeys;
}

export const mailed = (daysBefore: number): BallotEvidence => ({
  kind: "county",
  status: "mailed",
  occurredAtMs: daysAgo(daysBefore),
});
export const scanned = (daysBefore: number): BallotEvidence => ({
  kind: "usps",
  leg: "outbound",
  milestone: "in_transit",
  occurredAtMs: daysAgo(daysBefore),
});
export const county = (
  status: "received" | "accepted" | "rejected",
  daysBefore: number,
  extra: { reasonCode?: string; cureDeadline?: string } = {},
): BallotEvidence => ({ kind: "county", status, occurredAtMs: daysAgo(daysBefore), ...extra });
export const undeliverableScan = (daysBefore: number): BallotEvidence => ({
  kind: "usps",
  leg: "outbound",
  milestone: "undeliverable",
  occurredAtMs: daysAgo(daysBefore),
});

/** Two counties: Yolo (06113) and Sacramento (06067), with a ballot in each of the lists. */
export const yolo = "06113";
export const sacramento = "06067";
export const twoCounties: readonly DashboardBallot[] = [
  { ballotId: "Y-STUCK", county: yolo, zip: "95616", evidence: [mailed(20), scanned(12)] },
  { ballotId: "Y-MOVING", county: yolo, zip: "95616", evidence: [mailed(5), scanned(1)] },
  { ballotId: "Y-UNDELIVERABLE", county: yolo, zip: "95695", evidence: [mailed(15), undeliverableScan(10)] },
  {
    ballotId: "Y-CURE",
    county: yolo,
    zip: "95695",
    evidence: [
      mailed(15),
      county("received", 4),
      county("rejected", 2, { reasonCode: "signature_mismatch", cureDeadline: "2026-11-05" }),
    ],
  },
  { ballotId: "Y-RECEIVED", county: yolo, zip: "95616", evidence: [mailed(15), county("received", 1)] },
  {
    ballotId: "Y-ACCEPTED",
    county: yolo,
    zip: "95618",
    evidence: [mailed(15), county("received", 3), county("accepted", 2)],
  },
  { ballotId: "S-STUCK", county: sacramento, zip: "95814", evidence: [mailed(25)] },
  { ballotId: "S-UNDELIVERABLE", county: sacramento, zip: "95814", evidence: [mailed(15), undeliverableScan(9)] },
  {
    ballotId: "S-CURE",
    county: sacramento,
    zip: "95815",
    evidence: [mailed(15), county("rejected", 2, { reasonCode: "signature_missing", cureDeadline: "2026-11-05" })],
  },
];

/** A staff member's token and how API_STAFF_TOKENS names it. */
export interface TestStaff {
  readonly name: string;
  readonly scope: string;
  readonly role: StaffRole;
  readonly token: string;
}

export const staffMember = (name: string, scope: string, role: StaffRole): TestStaff => ({
  name,
  scope,
  role,
  token: `staff-${name}-${scope}-${role}-0123456789abcdef0123456789abcdef`,
});

export const yoloViewer = staffMember("yolo.viewer", yolo, "viewer");
export const yoloOperator = staffMember("yolo.operator", yolo, "operator");
export const yoloApprover = staffMember("yolo.approver", yolo, "approver");
export const sacramentoApprover = staffMember("sac.approver", sacramento, "approver");
export const stateApprover = staffMember("state.approver", "state", "approver");
export const stateViewer = staffMember("state.viewer", "state", "viewer");
export const allStaff = [yoloViewer, yoloOperator, yoloApprover, sacramentoApprover, stateApprover, stateViewer];

/** `API_STAFF_TOKENS` for the staff: hashes only. */
export const staffTokensEnv = (staff: readonly TestStaff[]): string =>
  staff
    .map((member) => `${member.name}:${member.scope}:${member.role}:${hashStaffToken(member.token).toString("hex")}`)
    .join(",");

export const testStaffTokens = (): StaffToken[] => parseStaffTokens(staffTokensEnv(allStaff));

/** The app with the test staff configured; the summary read per request unless `summaryCacheMs` says otherwise. */
export const createDashboardApi = (ns: TestNamespace, summaryCacheMs = 0): TestApi =>
  createTestApi(ns, {
    staffTokens: testStaffTokens(),
    dashboardSummaryCacheMs: summaryCacheMs,
    countySettingsOf: (county) =>
      county === yolo || county === sacramento
        ? { ...sampleCountySettings, county, name: county === yolo ? "Yolo County" : "Sacramento County" }
        : undefined,
  });

/** A subscriber of a county: a voter on the roll with one ballot, and a subscription saved as the API saves one. */
export interface TestSubscriber {
  readonly voterId: string;
  readonly county: string;
  readonly zip: string;
  readonly language: Language;
  readonly electionId?: string;
  readonly evidence?: readonly BallotEvidence[];
  readonly channels: readonly {
    readonly channel: Channel;
    readonly consent: ConsentState;
    readonly language?: Language;
  }[];
}

export async function seedSubscribers(ns: TestNamespace, subscribers: readonly TestSubscriber[]): Promise<void> {
  const store = new RedisSubscriptionStore(ns.redis, ns.keys);
  for (const [index, subscriber] of subscribers.entries()) {
    await seedVoter(ns, {
      voterId: subscriber.voterId,
      firstName: "Test",
      lastName: `Voter${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`,
      dateOfBirth: "1970-01-01",
      zip: subscriber.zip,
      county: subscriber.county,
      ballots: [
        {
          ballotId: `B-${subscriber.voterId}`,
          electionId: subscriber.electionId ?? "2026-11-03-general",
          evidence: subscriber.evidence ?? [mailed(5)],
        },
      ],
    });
    await store.save(
      {
        voterId: subscriber.voterId,
        language: subscriber.language,
        channels: subscriber.channels.map((entry, position) => ({
          ...entry,
          address:
            entry.channel === "email"
              ? `${subscriber.voterId.toLowerCase()}@voter.example`
              : `+1555555${String(1000 + index * 3 + position).slice(-4)}`,
          source: "voter",
          updatedAtMs: testToday.getTime(),
        })),
      },
      testToday.getTime(),
    );
  }
}

/** A JSON request to the dashboard with a staff token. */
export async function sendDashboard(
  app: TestApi["app"],
  method: "POST" | "GET",
  path: string,
  staff: TestStaff | undefined,
  body?: unknown,
): Promise<{ status: number; json: () => Record<string, unknown>; text: string }> {
  const response = await app.request(`/v1/dashboard${path}`, {
    method,
    headers: {
      ...(staff ? { authorization: `Bearer ${staff.token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

export async function getDashboard(
  app: TestApi["app"],
  path: string,
  staff: TestStaff | string | undefined,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => Record<string, unknown> }> {
  const token = typeof staff === "string" ? staff : staff?.token;
  const response = await app.request(`/v1/dashboard${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}
