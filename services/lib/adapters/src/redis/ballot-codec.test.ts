import { applyEvidence, type BallotEvidence, emptyBallotState } from "@ballot/core";
import { describe, expect, it } from "vitest";
import { decodeBallot, encodeBallot } from "./ballot-codec.ts";
import { newBallotValue, parseStoredBallot } from "./ballot-store.ts";

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
  { kind: "usps", leg: "return", milestone: "delivered", occurredAtMs: at(10) },
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
    expect(decodeBallot(encodeBallot(state))).toEqual(state);
  });

  it("stays small: a typical ballot's whole life fits in 140 bytes, a contested one (with a cure URL) in 270", () => {
    const typical = events.filter(
      (event) => event.kind !== "county" || event.status === "mailed" || event.status === "received",
    );
    expect(encodeBallot(typical.reduce(applyEvidence, emptyBallotState)).length).toBeLessThan(140);
    expect(encodeBallot(events.reduce(applyEvidence, emptyBallotState)).length).toBeLessThan(270);
  });

  it("keeps its separator out of every part, cure URLs included", () => {
    const state = events.reduce(applyEvidence, emptyBallotState);
    expect(encodeBallot(state).split("/")).toHaveLength(7);
  });

  it("decodes an empty value to an empty ballot", () => {
    expect(decodeBallot("")).toEqual(emptyBallotState);
  });
});

describe("stored ballot value", () => {
  it("reads back the store's parts in front of the state", () => {
    const state = events.reduce(applyEvidence, emptyBallotState);
    const stored = parseStoredBallot(`7/3|95616/1>3>0/${encodeBallot(state)}`);
    expect(stored).toEqual({
      state,
      version: 7,
      projected: "3|95616",
      pending: "1>3>0",
      encoded: encodeBallot(state),
    });
    expect(parseStoredBallot(newBallotValue(state))).toMatchObject({ version: 1, projected: "", pending: "" });
  });

  it("is nothing for no value or a value not written by the store", () => {
    expect(parseStoredBallot(null)).toBeUndefined();
    expect(parseStoredBallot("")).toBeUndefined();
    expect(parseStoredBallot("12")).toBeUndefined();
  });
});
