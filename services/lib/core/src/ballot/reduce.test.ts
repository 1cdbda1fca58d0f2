import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyEvidence,
  type BallotEvidence,
  currentStatus,
  emptyBallotState,
  isLostSuspected,
  timelineOf,
  viewBallot,
} from "./reduce.ts";
import { countyStatuses, uspsMilestones } from "./statuses.ts";

const day = 86_400_000;
const issued: BallotEvidence = {
  kind: "issued",
  ballotId: "B1",
  voterId: "V1",
  county: "06999",
  electionId: "2026-11-03-general",
  occurredAtMs: 0,
};
const county = (status: (typeof countyStatuses)[number], atMs: number, extra: Partial<BallotEvidence> = {}) =>
  ({ kind: "county", status, occurredAtMs: atMs, ...extra }) as BallotEvidence;
const scan = (milestone: (typeof uspsMilestones)[number], atMs: number, leg: "outbound" | "return" = "outbound") =>
  ({ kind: "usps", leg, milestone, occurredAtMs: atMs }) as BallotEvidence;
const reduce = (events: readonly BallotEvidence[]) => events.reduce(applyEvidence, emptyBallotState);
const statuses = (events: readonly BallotEvidence[]) => timelineOf(reduce(events)).map((entry) => entry.status);

const evidence: fc.Arbitrary<BallotEvidence> = fc.oneof(
  fc.record({
    kind: fc.constant("usps" as const),
    leg: fc.constantFrom("outbound" as const, "return" as const),
    milestone: fc.constantFrom(...uspsMilestones),
    occurredAtMs: fc.integer({ min: 0, max: 60 * day }),
    expectedDeliveryDate: fc.option(fc.constantFrom("2026-10-10", "2026-10-12"), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant("county" as const),
    status: fc.constantFrom(...countyStatuses),
    occurredAtMs: fc.integer({ min: 0, max: 60 * day }),
    reasonCode: fc.option(fc.constantFrom("signature_mismatch", "late"), { nil: undefined }),
    cureDeadline: fc.option(fc.constant("2026-12-01"), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant("issued" as const),
    ballotId: fc.constantFrom("B1", "B2"),
    voterId: fc.constant("V1"),
    county: fc.constant("06999"),
    electionId: fc.constant("e1"),
    occurredAtMs: fc.integer({ min: 0, max: 5 * day }),
  }),
);

describe("ballot reducer", () => {
  it("gives the same state for any order and any duplication of the same events", () => {
    fc.assert(
      fc.property(
        fc.array(evidence, { minLength: 1, maxLength: 14 }),
        fc.func(fc.integer()),
        fc.array(fc.nat(), { maxLength: 6 }),
        (events, orderKey, duplicates) => {
          const shuffled = [...events].sort((a, b) => orderKey(a) - orderKey(b));
          const duplicated = [
            ...shuffled,
            ...duplicates.map((index) => shuffled[index % shuffled.length] as BallotEvidence),
          ];
          expect(reduce(duplicated)).toEqual(reduce(events));
          expect(viewBallot(reduce(duplicated))).toEqual(viewBallot(reduce(events)));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("lets a county receipt outrank a later USPS delivery scan", () => {
    const state = reduce([issued, county("received", 5 * day), scan("delivered", 6 * day)]);
    expect(currentStatus(state)).toBe("received");
    expect(state.asOfMs).toBe(6 * day);
  });

  it("asks for a cure for a signature problem, and moves to accepted once the cure is accepted", () => {
    const rejected = county("rejected", day, {
      reasonCode: "signature_mismatch",
      cureDeadline: "2026-12-01",
      cureUrl: "https://elections.example.org/cure",
    });
    expect(viewBallot(reduce([issued, rejected]))).toMatchObject({
      status: "cure_pending",
      rejection: {
        reasonCode: "signature_mismatch",
        cureDeadline: "2026-12-01",
        cureUrl: "https://elections.example.org/cure",
      },
    });
    const cured = reduce([county("accepted", 3 * day), county("cured", 3 * day), issued, rejected]);
    expect(currentStatus(cured)).toBe("accepted");
    expect(viewBallot(cured)?.rejection).toBeUndefined();
    expect(statuses([county("accepted", 3 * day), county("cured", 3 * day), issued, rejected])).toEqual([
      "issued",
      "cure_pending",
      "cured",
      "accepted",
    ]);
  });

  it("calls a late ballot rejected, with no cure", () => {
    expect(viewBallot(reduce([issued, county("rejected", day, { reasonCode: "late" })]))).toMatchObject({
      status: "rejected",
      rejection: { reasonCode: "late" },
    });
  });

  it("moves a ballot back when the county corrects its last status, whatever order the events came in", () => {
    const events = [
      issued,
      county("received", 2 * day),
      county("rejected", 3 * day, { reasonCode: "late" }),
      county("correction", 4 * day),
    ];
    expect(currentStatus(reduce(events))).toBe("received");
    expect(currentStatus(reduce([...events].reverse()))).toBe("received");
    // The county then sends the right status.
    expect(currentStatus(reduce([...events, county("accepted", 5 * day)]))).toBe("accepted");
    // A correction with nothing before it retracts nothing.
    expect(currentStatus(reduce([issued, county("correction", 0)]))).toBe("issued");
  });

  it("counts any scan of the return envelope as the ballot back in the mail", () => {
    expect(currentStatus(reduce([issued, scan("delivered", 2 * day), scan("in_transit", 4 * day, "return")]))).toBe(
      "returned_by_voter",
    );
  });

  it("keeps the expected delivery date of the newest scan that gave one", () => {
    const state = reduce([
      {
        kind: "usps",
        leg: "outbound",
        milestone: "in_transit",
        occurredAtMs: 2 * day,
        expectedDeliveryDate: "2026-10-12",
      },
      { kind: "usps", leg: "outbound", milestone: "in_transit", occurredAtMs: day, expectedDeliveryDate: "2026-10-10" },
    ]);
    expect(state.expectedDeliveryDate).toEqual({ date: "2026-10-12", seenAtMs: 2 * day });
  });

  it("does not call a ballot mailed on its issue date alone", () => {
    expect(currentStatus(reduce([issued]))).toBe("issued");
    expect(currentStatus(reduce([issued, county("mailed", day)]))).toBe("mailed");
  });

  it("marks the ballot superseded when the county says so", () => {
    expect(currentStatus(reduce([issued, scan("delivered", day), county("superseded", 2 * day)]))).toBe("superseded");
  });

  it("keeps times to the second", () => {
    expect(reduce([{ ...issued, occurredAtMs: 1_999 }]).issuedAtMs).toBe(1_000);
  });
});

describe("lost ballot rule", () => {
  it("suspects a ballot in the mail with no scan for the county's number of days", () => {
    const state = reduce([issued, county("mailed", day), scan("in_transit", 2 * day)]);
    expect(isLostSuspected(state, 8 * day, 7)).toBe(false);
    expect(isLostSuspected(state, 9 * day, 7)).toBe(true);
  });

  it("does not suspect a delivered, received or never-mailed ballot", () => {
    expect(isLostSuspected(reduce([issued, scan("delivered", day)]), 30 * day, 7)).toBe(false);
    expect(isLostSuspected(reduce([issued, county("received", day)]), 30 * day, 7)).toBe(false);
    expect(isLostSuspected(reduce([issued]), 30 * day, 7)).toBe(false);
  });
});
