import type { RedisKeys } from "@ballot/contracts";
import type { ChainableCommander, Redis } from "ioredis";
import { defineSlotReads, readSlots } from "./slots.ts";

// KEYS[1] the voter's bucket; ARGV[1] the voter's field, ARGV[2] a ballot key. Adds it to the sorted, comma-separated
// list (sorted, so that the value does not depend on the order ballots arrived in: a rebuild gives it back exactly).
const addVoterBallotScript = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
local ballots = {}
if raw then
  for ballot in string.gmatch(raw, '[^,]+') do
    if ballot == ARGV[2] then return 0 end
    table.insert(ballots, ballot)
  end
end
table.insert(ballots, ARGV[2])
table.sort(ballots)
redis.call('HSET', KEYS[1], ARGV[1], table.concat(ballots, ','))
return 1
`;

/** What joins a ballot to its ids: the county ballot id, the voter, and return envelopes with their own IMb. */
export interface BallotIds {
  readonly ballotKey: string;
  readonly ballotId: string;
  readonly voterId: string;
  /** Mailer id and serial of IMbs other than the outbound one that name this ballot. */
  readonly aliases: readonly { readonly mailerId: string; readonly serialNumber: string }[];
}

type WithVoterBallotAdd = { voterBallotAdd(key: string, field: string, ballotKey: string): unknown };

/**
 * The ways to a ballot key: from a county ballot id, from a voter, from a return IMb with its own serial. Each is a
 * field of a bucket hash (redis-keys.ts `slotOf`), about forty bytes a ballot where a key of its own cost a hundred
 * or more.
 */
export class RedisBallotIndex {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  constructor(redis: Redis, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
    redis.defineCommand("voterBallotAdd", { numberOfKeys: 1, lua: addVoterBallotScript });
    defineSlotReads(redis);
  }

  /** Queues the writes that join `ids` on `transaction` (a MULTI or pipeline of this store's connection). */
  record(transaction: ChainableCommander, ids: BallotIds): void {
    for (const alias of ids.aliases) {
      transaction.hset(...this.#keys.imbAlias(alias.mailerId, alias.serialNumber), ids.ballotKey);
    }
    transaction.hset(...this.#keys.ballotId(ids.ballotId), ids.ballotKey);
    (transaction as unknown as WithVoterBallotAdd).voterBallotAdd(
      ...this.#keys.voterBallots(ids.voterId),
      ids.ballotKey,
    );
  }

  /** The ballot key of a county ballot id; undefined when no ballot record has named it yet. */
  async ballotKeyOfBallotId(ballotId: string): Promise<string | undefined> {
    return (await this.#redis.hget(...this.#keys.ballotId(ballotId))) ?? undefined;
  }

  /** The ballot keys of a voter, sorted; none for an unknown voter. */
  async ballotKeysOfVoter(voterId: string): Promise<string[]> {
    const value = await this.#redis.hget(...this.#keys.voterBallots(voterId));
    return value ? value.split(",") : [];
  }

  /** The ballot keys of each voter, in order: one round trip. */
  async ballotKeysOfVoters(voterIds: readonly string[]): Promise<string[][]> {
    const values = await readSlots(
      this.#redis,
      voterIds.map((voterId) => this.#keys.voterBallots(voterId)),
      "voters' ballot lists",
    );
    return values.map((value) => (value ? value.split(",") : []));
  }

  /** For each IMb, the ballot key it was joined to at issuance, or undefined: one round trip. */
  async ballotKeysOfImbs(
    imbs: readonly { readonly mailerId: string; readonly serialNumber: string }[],
  ): Promise<(string | undefined)[]> {
    const aliases = await readSlots(
      this.#redis,
      imbs.map((imb) => this.#keys.imbAlias(imb.mailerId, imb.serialNumber)),
      "IMb aliases",
    );
    return aliases.map((alias) => alias ?? undefined);
  }
}
