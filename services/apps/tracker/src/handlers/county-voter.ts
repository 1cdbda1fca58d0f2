import { RedisSubscriptionStore } from "@ballot/adapters";
import { RedisVoterRecords } from "@ballot/adapters/redis/voter-records";
import type { CountyVoter } from "@ballot/contracts";
import type { TrackerDeps } from "../deps.ts";

const storesOfDeps = new WeakMap<TrackerDeps, { voters: RedisVoterRecords; subscriptions: RedisSubscriptionStore }>();
const storesOf = (deps: TrackerDeps) => {
  let stores = storesOfDeps.get(deps);
  if (!stores) {
    stores = {
      voters: new RedisVoterRecords(deps.redis, deps.keys),
      subscriptions: new RedisSubscriptionStore(deps.redis, deps.keys),
    };
    storesOfDeps.set(deps, stores);
  }
  return stores;
};

/**
 * A voter record: what the lookup needs (county, ZIP, language), the county's count of voters, and the identity
 * index. A voter whose identity changed (a new name, a move) leaves the old index entry; the voter id, ballots and
 * subscriptions stay, and the subscription is then counted in the voter's county (a move takes its counts along).
 */
export async function handleCountyVoter(deps: TrackerDeps, voter: CountyVoter): Promise<void> {
  const { voters, subscriptions } = storesOf(deps);
  // Records can arrive out of order: an older one never overwrites a newer one.
  const { written, previousIdentity } = await voters.write(voter);
  if (!written) return;
  const pipeline = deps.redis.multi();
  if (previousIdentity && previousIdentity !== voter.identityHash) {
    pipeline.srem(deps.keys.identity(previousIdentity), voter.voterId);
  }
  pipeline.sadd(deps.keys.identity(voter.identityHash), voter.voterId);
  await pipeline.exec();
  await subscriptions.followVoterCounty(voter.voterId, Date.parse(voter.updatedAt) || Date.now());
}
