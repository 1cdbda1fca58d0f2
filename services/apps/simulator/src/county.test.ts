import { decodeImb, encodeImb, splitImbDigits } from "@ballot/core";
import { describe, expect, it } from "vitest";
import { generateCounty } from "./county.ts";
import { planElection } from "./election.ts";

const county = generateCounty({ voters: 2_000, seed: 3, today: "2026-11-21" });

describe("simulated county", () => {
  it("gives every ballot outbound and return IMbs that encode to 65 bars and decode back", () => {
    for (const ballot of county.ballots) {
      for (const imb of [ballot.outboundImb, ballot.returnImb]) {
        const bars = encodeImb(imb.slice(0, 20), imb.slice(20));
        expect(bars.ok).toBe(true);
        const decoded = bars.ok ? decodeImb(bars.value) : undefined;
        expect(decoded?.ok && `${decoded.value.tracking}${decoded.value.routing}`).toBe(imb);
      }
      const outbound = splitImbDigits(ballot.outboundImb);
      const back = splitImbDigits(ballot.returnImb);
      expect(outbound.ok && outbound.value.direction).toBe("outbound");
      expect(back.ok && back.value.direction).toBe("return");
      // The return envelope reuses the outbound serial so both legs join one ballot (REFERENCE.md 4.2).
      expect(outbound.ok && back.ok && outbound.value.serialNumber === back.value.serialNumber).toBe(true);
    }
  });

  it("has varied names, with accents, hyphens and apostrophes, in all ten languages", () => {
    const names = county.voters.map((voter) => `${voter.firstName} ${voter.lastName}`);
    expect(new Set(names).size).toBeGreaterThan(1_500);
    expect(names.some((name) => /[\u00C0-\u024F\u1E00-\u1EFF]/.test(name))).toBe(true);
    expect(names.some((name) => name.includes("-"))).toBe(true);
    expect(names.some((name) => name.includes("'"))).toBe(true);
    expect(new Set(county.voters.map((voter) => voter.language)).size).toBe(10);
  });

  it("is the same county for the same seed", () => {
    expect(generateCounty({ voters: 50, seed: 3, today: "2026-11-21" })).toEqual(
      generateCounty({ voters: 50, seed: 3, today: "2026-11-21" }),
    );
  });

  it("plans events in sending order, with county updates and scans for most ballots", () => {
    const plan = planElection(county, { startMs: Date.UTC(2026, 9, 1) });
    const times = plan.events.map((event) => event.sendAtMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const scanned = new Set(plan.events.flatMap((event) => (event.kind === "usps" ? [event.event.imb] : [])));
    expect(scanned.size).toBeGreaterThan(county.ballots.length * 1.5);
    expect(plan.events.some((event) => event.kind === "status" && event.row.status === "rejected")).toBe(true);
  });
});
