import { applyEvidence, type BallotEvidence, emptyBallotState } from "@ballot/core";
import { describe, expect, it } from "vitest";
import { projectionOf, trendDeltasOf } from "./ballot-projection.ts";

const ms = (iso: string) => Date.parse(iso);
const life: BallotEvidence[] = [
  {
    kind: "issued",
    ballotId: "B1",
    voterId: "V1",
    electionId: "2026-11-03-general",
    county: "06999",
    occurredAtMs: ms("2026-10-01T18:00:00Z"),
  },
  { kind: "usps", leg: "outbound", milestone: "in_transit", occurredAtMs: ms("2026-10-03T06:30:00Z") },
  { kind: "county", status: "received", occurredAtMs: ms("2026-10-20T17:00:00Z") },
];

describe("ballot projection: trends", () => {
  it("counts each status of the timeline on its California day", () => {
    const state = life.reduce(applyEvidence, emptyBallotState);
    // 06:30 UTC on the 3rd is still the 2nd in California.
    expect(projectionOf(state)?.trends).toEqual(["2026-10-01:issued", "2026-10-02:in_transit", "2026-10-20:received"]);
  });

  it("moves only what changed, as field and delta pairs", () => {
    expect(trendDeltasOf(["d1:issued", "d2:in_transit"], ["d1:issued", "d1:in_transit"])).toEqual([
      "d2:in_transit",
      "-1",
      "d1:in_transit",
      "1",
    ]);
    expect(trendDeltasOf(["d1:issued"], ["d1:issued"])).toEqual([]);
  });
});
