import { execFileSync } from "node:child_process";
import { describe, expect, type ServiceProcess, services, startService, test, waitFor } from "@ballot/testing";
import { ana, anaLookup, seedVoter, testIdentityHashKey } from "./test-support.ts";

/** The worker processes of an API primary (its children). */
function workersOf(primary: ServiceProcess): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(primary.pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** One request on a connection of its own, so that the primary hands each to the next worker in turn. */
const request = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { connection: "close", ...(init.headers as Record<string, string>) } });

const lookup = (url: string) =>
  request(`${url}/v1/lookup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(anaLookup),
  });

describe("API_WORKERS: several API processes on one port", () => {
  test("workers share the token key and the metrics, a dead worker is replaced, SIGTERM stops them all", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    // No API_TOKEN_KEY: the primary makes one for all workers, or a token would fail on the other worker.
    const api = await startService({
      name: "api",
      ...services.api,
      env: { ...ns.env, IDENTITY_HASH_KEY: testIdentityHashKey, API_PORT: "0", API_WORKERS: "2", LOG_LEVEL: "warn" },
    });
    try {
      const url = api.url as string;
      expect(workersOf(api)).toHaveLength(2);

      const found = await lookup(url);
      expect(found.status).toBe(200);
      const { token } = (await found.json()) as { token: string };
      const reads = await Promise.all(
        Array.from({ length: 6 }, () =>
          request(`${url}/v1/subscriptions`, { headers: { authorization: `Bearer ${token}` } }),
        ),
      );
      expect(reads.map((answer) => answer.status).filter((status) => status === 401)).toEqual([]);

      for (let index = 0; index < 5; index += 1) expect((await lookup(url)).status).toBe(200);
      // Whichever worker answers the scrape, it reports every worker's lookups.
      for (let index = 0; index < 2; index += 1) {
        const metrics = await (await request(`${url}/metrics`)).text();
        expect(metrics).toMatch(/^api_lookups_total\{outcome="found"\} 6$/m);
      }

      const [killed] = workersOf(api);
      process.kill(killed as number, "SIGKILL");
      await waitFor("the primary to start another worker", () => {
        const workers = workersOf(api);
        return workers.length === 2 && !workers.includes(killed as number);
      });
      await waitFor("the new worker to answer", async () => {
        const answers = await Promise.all([lookup(url), lookup(url)]);
        return answers.every((answer) => answer.status === 200);
      });

      const workers = workersOf(api);
      await api.stop();
      expect(await api.exited).toBe(0);
      for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      await api.stop();
    }
  });
});
