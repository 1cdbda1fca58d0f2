import { JetStreamPublisher, RedisBallotStore } from "@ballot/adapters";
import type { BallotAlert } from "@ballot/contracts";
import { applyEvidence, type BallotEvidence, emptyBallotState } from "@ballot/core";
import { createLogger } from "@ballot/runtime";
import { describe, expect, type TestNamespace, test } from "@ballot/testing";
import { runRules } from "./rules.ts";

const day = 86_400_000;
const now = new Date("2026-10-28T15:00:00Z");
const ago = (days: number) => now.getTime() - days * day;

/** Stores a ballot and its county figures as the tracker would. */
async function seedBallot(ns: TestNamespace, serial: string, evidence: readonly BallotEvidence[]) {
  const store = new RedisBallotStore(ns.redis, ns.keys);
  const ballotKey = `314159:${serial}`;
  const issued: BallotEvidence = {
    kind: "issued",
    ballotId: `B${serial}`,
    voterId: `V${serial}`,
    county: "06999",
    electionId: "2026-11-03-general",
    zip: "95616",
    occurredAtMs: ago(20),
  };
  const state = [issued, ...evidence].reduce(applyEvidence, emptyBallotState);
  expect(await store.write(ballotKey, await store.load(ballotKey), state)).toMatchObject({ outcome: "written" });
  await ns.redis.sadd(ns.keys.counties(), "06999");
}

async function alerts(ns: TestNamespace): Promise<BallotAlert[]> {
  const stream = ns.catalog.streams.statusChanges.name;
  const last = (await ns.jetstream.jsm.streams.info(stream)).state.last_seq;
  const found: BallotAlert[] = [];
  for (let seq = 1; seq <= last; seq += 1) {
    const message = await ns.jetstream.jsm.streams.getMessage(stream, { seq });
    if (message?.subject === ns.catalog.subjects.alert.name) found.push(message.json<BallotAlert>());
  }
  return found;
}

function rulesDeps(ns: TestNamespace, electionDates = new Map([["2026-11-03-general", "2026-11-03"]])) {
  return {
    redis: ns.redis,
    keys: ns.keys,
    catalog: ns.catalog,
    publisher: new JetStreamPublisher(ns.jetstream),
    settings: {
      lostAfterDays: (county: string) => (county === "06999" ? 7 : 30),
      cureReminderDays: 3,
      returnReminderDays: 7,
      electionDates,
    },
    log: createLogger({ name: "rules-test", level: "silent" }),
  };
}

describe("time-based rules", () => {
  test("suspect a ballot lost after the county's quiet days, once, and again only after a newer sign of life", async ({
    ns,
  }) => {
    await seedBallot(ns, "000000001", [
      { kind: "usps", leg: "outbound", milestone: "in_transit", occurredAtMs: ago(8) },
    ]);
    await seedBallot(ns, "000000002", [
      { kind: "usps", leg: "outbound", milestone: "in_transit", occurredAtMs: ago(2) },
    ]);
    await seedBallot(ns, "000000003", [
      { kind: "usps", leg: "outbound", milestone: "delivered", occurredAtMs: ago(9) },
    ]);
    const deps = rulesDeps(ns, new Map());
    expect(await runRules(deps, now)).toEqual({ lostSuspected: 1, cureReminders: 0, returnReminders: 0 });
    expect(await runRules(deps, now)).toEqual({ lostSuspected: 0, cureReminders: 0, returnReminders: 0 });
    expect(await alerts(ns)).toMatchObject([
      { kind: "lost_suspected", ballotId: "B000000001", lastSeenAt: new Date(ago(8)).toISOString() },
    ]);
    // Ballot 2 goes quiet too; a week later it is suspected as well.
    expect((await runRules(deps, new Date(now.getTime() + 6 * day))).lostSuspected).toBe(1);
  });

  test("remind a voter of a cure deadline inside the reminder window, once", async ({ ns }) => {
    const rejected = (serial: string, deadline: string) =>
      seedBallot(ns, serial, [
        {
          kind: "county",
          status: "rejected",
          reasonCode: "signature_mismatch",
          cureDeadline: deadline,
          occurredAtMs: ago(3),
        },
      ]);
    await rejected("000000004", "2026-10-30");
    await rejected("000000005", "2026-11-20");
    const deps = rulesDeps(ns, new Map());
    expect((await runRules(deps, now)).cureReminders).toBe(1);
    expect((await runRules(deps, now)).cureReminders).toBe(0);
    expect(await alerts(ns)).toMatchObject([
      { kind: "cure_deadline_reminder", ballotId: "B000000004", deadline: "2026-10-30" },
    ]);
  });

  test("before election day, remind voters whose ballots are not back, and only them", async ({ ns }) => {
    await seedBallot(ns, "000000006", [
      { kind: "usps", leg: "outbound", milestone: "delivered", occurredAtMs: ago(10) },
    ]);
    await seedBallot(ns, "000000007", [{ kind: "county", status: "received", occurredAtMs: ago(2) }]);
    await seedBallot(ns, "000000008", [{ kind: "usps", leg: "return", milestone: "in_transit", occurredAtMs: ago(1) }]);
    const deps = rulesDeps(ns);
    // Nine days before: outside the 7-day window.
    expect((await runRules(deps, new Date("2026-10-25T15:00:00Z"))).returnReminders).toBe(0);
    expect((await runRules(deps, now)).returnReminders).toBe(1);
    expect((await runRules(deps, now)).returnReminders).toBe(0);
    expect(await alerts(ns)).toMatchObject([
      { kind: "return_deadline_reminder", ballotId: "B000000006", deadline: "2026-11-03" },
    ]);
  });
});
