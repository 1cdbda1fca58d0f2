import { applyEvidence, type BallotEvidence, emptyBallotState } from "@ballot/core";
import { describe, expect, it } from "vitest";
import { ballotStateFields, decodeBallot, encodeBallot } from "./ballot-codec.ts";

const at = (day: number) => Date.UTC(2026, 9, day, 12, 30, 15);
const events: BallotEvidence[] = [
  {
    kind: "issued",
    ballotId: "B00000042",
    voterId: "V00000042",
    county: "06999",
    electionId: "2026-11-03-general",
    occurredAtMs: at(1),
  },
  { kind: "county", status: "mailed", occurredAtMs: at(2) },
  { kind: "usps", leg: "outbound", milestone: "in_transit", occurredAtMs: at(3), expectedDeliveryDate: "2026-10-05" },
  { kind: "usps", leg: "outbound", milestone: "delivered", occurredAtMs: at(5) },
  { kind: "usps", leg: "return", milestone: "in_transit", occurredAtMs: at(9) },
  { kind: "county", status: "received", occurredAtMs: at(11) },
  {
    kind: "county",
    status: "rejected",
    occurredAtMs: at(12),
    reasonCode: "signature_mismatch",
    cureDeadline: "2026-12-01",
    cureUrl: "https://elections.example.org/cure?lang=es&b=1:2;3|4",
  },
  { kind: "county", status: "correction", occurredAtMs: at(13) },
];

describe("ballot codec", () => {
  it("round-trips a ballot's whole life exactly", () => {
    const state = events.reduce(applyEvidence, emptyBallotState);
    const fields = encodeBallot(state);
    const hash: Record<string, string> = {};
    for (let index = 0; index < fields.length; index += 2) hash[fields[index] as string] = fields[index + 1] as string;
    expect(decodeBallot(hash)).toEqual(state);
    expect(hash.s).toBe("received");
  });

  it("stays small: a typical ballot's whole life fits in 150 bytes of fields, a contested one in 280", () => {
    const typical = events.filter(
      (event) => event.kind !== "county" || event.status === "mailed" || event.status === "received",
    );
    expect(encodeBallot(typical.reduce(applyEvidence, emptyBallotState)).join("").length).toBeLessThan(150);
    expect(encodeBallot(events.reduce(applyEvidence, emptyBallotState)).join("").length).toBeLessThan(280);
  });

  it("names every field it writes in ballotStateFields, which readers ask for by name", () => {
    const fields = encodeBallot(events.reduce(applyEvidence, emptyBallotState)).filter((_, index) => index % 2 === 0);
    expect([...fields].sort()).toEqual([...ballotStateFields].sort());
  });

  it("decodes an empty hash to an empty ballot", () => {
    expect(decodeBallot({})).toEqual(emptyBallotState);
  });
});
