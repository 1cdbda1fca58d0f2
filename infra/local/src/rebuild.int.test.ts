import { spawnSync } from "node:child_process";
import { createIngestClient, generateCounty, loadCounty, planElection, playElection } from "@ballot/simulator";
import { describe, expect, isConsumerDrained, test, waitFor } from "@ballot/testing";
import { repoRoot, services } from "./paths.ts";
import { type ServiceProcess, startService } from "./processes.ts";
import { snapshotDerivedState } from "./state-snapshot.ts";

const feedToken = "rebuild-feed-token-00001";
const countyToken = "rebuild-county-token-001";

describe("rebuild", () => {
  test("replaying the event stream into an empty Redis gives back every ballot, count and queue exactly", async ({
    ns,
  }) => {
    const env = {
      ...ns.env,
      IDENTITY_HASH_KEY: "rebuild-identity-hash-key-0123456789",
      FEED_TOKENS: `usps=${feedToken}`,
      COUNTY_TOKENS: `06999=${countyToken}`,
      INGEST_PORT: "0",
    };
    const running: ServiceProcess[] = [];
    try {
      running.push(await startService({ name: "ingest", ...services.ingest, env }));
      running.push(await startService({ name: "tracker", ...services.tracker, env }));
      const client = createIngestClient({
        ingestUrl: running[0]?.url as string,
        feed: "usps",
        feedToken,
        county: "06999",
        countyToken,
      });
      const county = generateCounty({ voters: 400, seed: 5, county: "06999", today: "2026-11-21" });
      const startMs = Date.UTC(2026, 9, 1);
      await loadCounty(client, county, startMs);
      // The whole election at once: every scan and county status, with duplicates and late events.
      await playElection({ client, county, plan: planElection(county, { startMs }), speed: 1e12 }).done;
      const { stream, durable } = ns.catalog.consumers.tracker;
      await waitFor("the tracker to process every event", () => isConsumerDrained(ns.jetstream.jsm, stream, durable), {
        timeoutMs: 60_000,
      });
    } finally {
      await Promise.all(running.map((service) => service.stop()));
    }
    const before = await snapshotDerivedState(ns.redis, ns.keys);
    expect(Object.keys(before).filter((key) => key.includes(":ballot:{")).length).toBe(400);
    expect(Object.keys(before)).toContain(`${ns.keys.prefix}counts:{06999}`);

    // Damage the state: a rebuild must not depend on anything it finds.
    const someBallot = Object.keys(before).find((key) => key.includes(":ballot:{")) as string;
    await ns.redis.hdel(...ns.keys.ballot(someBallot.slice(someBallot.indexOf("{") + 1, -1)));
    await ns.redis.hset(ns.keys.countyCounts("06999"), "s:accepted", "999999");
    await ns.redis.zadd(ns.keys.inMail("06999"), 1, "nobody:000000000");
    expect(await snapshotDerivedState(ns.redis, ns.keys)).not.toEqual(before);

    const rebuild = spawnSync(process.execPath, ["services/apps/tracker/src/cli/rebuild.ts", "--yes"], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(rebuild.status, rebuild.stderr).toBe(0);
    expect(rebuild.stderr).toMatch(/\[rebuild\] done in .* events replayed/);
    const after = await snapshotDerivedState(ns.redis, ns.keys);
    expect(after).toEqual(before);
  });

  test("a tracker killed with SIGKILL mid-batch and restarted ends in the same state, every status announced once", async ({
    ns,
  }) => {
    const env = {
      ...ns.env,
      IDENTITY_HASH_KEY: "rebuild-identity-hash-key-0123456789",
      FEED_TOKENS: `usps=${feedToken}`,
      COUNTY_TOKENS: `06999=${countyToken}`,
      INGEST_PORT: "0",
    };
    const { stream, durable } = ns.catalog.consumers.tracker;
    const ingest = await startService({ name: "ingest", ...services.ingest, env });
    try {
      const client = createIngestClient({
        ingestUrl: ingest.url as string,
        feed: "usps",
        feedToken,
        county: "06999",
        countyToken,
      });
      const county = generateCounty({ voters: 800, seed: 9, county: "06999", today: "2026-11-21" });
      const startMs = Date.UTC(2026, 9, 1);
      await loadCounty(client, county, startMs);
      await playElection({ client, county, plan: planElection(county, { startMs }), speed: 1e12 }).done;
    } finally {
      await ingest.stop();
    }
    const total = (await ns.jetstream.jsm.streams.info(ns.catalog.streams.events.name)).state.last_seq;

    const first = await startService({ name: "tracker", ...services.tracker, env });
    await waitFor("the first tracker to be a third of the way", async () => {
      const info = await ns.jetstream.jsm.consumers.info(stream, durable);
      return info.ack_floor.stream_seq > total / 3;
    });
    await first.stop(0); // SIGTERM then, after 0 ms, SIGKILL: no chance to finish the batch in hand.
    expect((await ns.jetstream.jsm.consumers.info(stream, durable)).ack_floor.stream_seq).toBeLessThan(total);

    const second = await startService({ name: "tracker", ...services.tracker, env });
    try {
      await waitFor("the restarted tracker to finish", () => isConsumerDrained(ns.jetstream.jsm, stream, durable), {
        timeoutMs: 90_000,
      });
    } finally {
      await second.stop();
    }
    const recovered = await snapshotDerivedState(ns.redis, ns.keys);

    // Every ballot's last announcement is its current status: nothing the crash interrupted was lost.
    const changes = new Map<string, string>();
    const statusStream = ns.catalog.streams.statusChanges.name;
    const announced = (await ns.jetstream.jsm.streams.info(statusStream)).state.last_seq;
    const seen = new Set<string>();
    for (let seq = 1; seq <= announced; seq += 1) {
      const change = (await ns.jetstream.jsm.streams.getMessage(statusStream, { seq }))?.json<{
        ballotKey: string;
        to: string;
        from: string | null;
      }>();
      if (!change) continue;
      const id = `${change.ballotKey}:${change.from}:${change.to}`;
      expect(seen.has(id), `announced twice: ${id}`).toBe(false);
      seen.add(id);
      changes.set(change.ballotKey, change.to);
    }
    const ballots = Object.entries(recovered).filter(([key]) => key.includes(":ballot:{"));
    expect(ballots.length).toBe(800);
    for (const [key, ballot] of ballots) {
      const ballotKey = key.slice(key.indexOf("{") + 1, -1);
      const { status, pending } = ballot as { status: string; pending: string };
      expect(changes.get(ballotKey), ballotKey).toBe(status);
      expect(pending, `${ballotKey} has an unpublished announcement`).toBe("");
    }

    // And the state is exactly what a clean replay of the stream gives.
    const rebuild = spawnSync(process.execPath, ["services/apps/tracker/src/cli/rebuild.ts", "--yes"], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(rebuild.status, rebuild.stderr).toBe(0);
    expect(await snapshotDerivedState(ns.redis, ns.keys)).toEqual(recovered);
    // A whole election through ingest, two trackers and a rebuild: about 35 s alone, more beside the rest of the suite.
  }, 180_000);
});
