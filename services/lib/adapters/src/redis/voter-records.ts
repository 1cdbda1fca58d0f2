import type { CountyVoter, RedisKeys } from "@ballot/contracts";
import type { Redis } from "ioredis";

// KEYS[1] the voter's hash, KEYS[2] the voters per county; ARGV[1] the record's `updatedAt`, ARGV[2] its county, then
// the other fields' values (zip, language, identity). An older record than the stored one changes nothing ({0}); a
// record that moves the voter moves the count in the same step, so the counts never drift from the voters.
const writeVoterScript = `
local previous = redis.call('HMGET', KEYS[1], 'county', 'updated', 'identity')
if previous[2] and previous[2] > ARGV[1] then return {0, ''} end
redis.call('HSET', KEYS[1], 'county', ARGV[2], 'zip', ARGV[3], 'language', ARGV[4], 'identity', ARGV[5], 'updated', ARGV[1])
if previous[1] ~= ARGV[2] then
  if previous[1] then
    if redis.call('HINCRBY', KEYS[2], previous[1], -1) <= 0 then redis.call('HDEL', KEYS[2], previous[1]) end
  end
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
end
return {1, previous[3] or ''}
`;

/**
 * What the lookup and the dashboard keep of a voter record (county, ZIP, language, identity hash; no names), and
 * the voters on each county's roll, for the dashboard's "no channel at all" count. Derived from the event stream: a
 * rebuild clears both and replays the records.
 */
export class RedisVoterRecords {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
    redis.defineCommand("voterRecordWrite", { numberOfKeys: 2, lua: writeVoterScript });
  }

  /** Writes the record unless a newer one is stored; the identity hash it had before (empty: none), when written. */
  async write(voter: CountyVoter): Promise<{ readonly written: boolean; readonly previousIdentity: string }> {
    const command = (this.#redis as unknown as Record<string, (...args: string[]) => Promise<[number, string]>>)
      .voterRecordWrite;
    if (!command) throw new Error("Redis script voterRecordWrite is not defined");
    const [written, previousIdentity] = await command.call(
      this.#redis,
      this.#keys.voter(voter.voterId),
      this.#keys.voterCounts(),
      voter.updatedAt,
      voter.county,
      voter.zip,
      voter.language,
      voter.identityHash,
    );
    return { written: written === 1, previousIdentity };
  }

  /** The voters on a county's roll. */
  async votersOf(county: string): Promise<number> {
    return Number((await this.#redis.hget(this.#keys.voterCounts(), county)) ?? 0);
  }
}
