import type { Logger } from "@ballot/runtime";
import type { Redis } from "ioredis";

/**
 * What the buckets need of Redis's hash encoding (also in infra/redis/*.conf): up to a hundred values in a bucket
 * (ten ballots, or a hundred ids), each value up to a few hundred bytes, kept as one listpack. With Redis's defaults (64-byte values) every bucket
 * becomes a hash table, and a ballot costs about three times the memory.
 */
export const ballotHashEncoding = { "hash-max-listpack-entries": 128, "hash-max-listpack-value": 512 } as const;

/**
 * Checks the server's hash encoding and raises what is lower than the buckets need, with CONFIG SET. A server that
 * refuses CONFIG (managed Redis often does) keeps working, with a warning that says what to set.
 */
export async function ensureBallotHashEncoding(redis: Redis, log: Logger): Promise<"ok" | "raised" | "refused"> {
  const low: [string, number, number][] = [];
  try {
    for (const [name, wanted] of Object.entries(ballotHashEncoding)) {
      const [, value = "0"] = (await redis.config("GET", name)) as string[];
      if (Number(value) < wanted) low.push([name, Number(value), wanted]);
    }
    if (low.length === 0) return "ok";
    for (const [name, , wanted] of low) await redis.config("SET", name, String(wanted));
    log.info(
      { raised: Object.fromEntries(low.map(([name, from, to]) => [name, { from, to }])) },
      "Redis hash encoding raised for ballot buckets",
    );
    return "raised";
  } catch (error) {
    const settings = Object.entries(ballotHashEncoding).map(([name, value]) => `${name} ${value}`);
    log.warn(
      { err: error, want: settings },
      `Redis would not report or change its hash encoding: set ${settings.join(" and ")} in redis.conf (see infra/redis/single-node.conf), or ballots take about three times the memory`,
    );
    return "refused";
  }
}
