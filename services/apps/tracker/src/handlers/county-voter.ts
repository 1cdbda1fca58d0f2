import { RedisSubscriptionStore } from "@ballot/adapters";
import type { CountyVoter } from "@ballot/contracts";
import type { TrackerDeps } from "../deps.ts";

const subscriptionStores = new WeakMap<TrackerDeps, RedisSubscriptionStore>();
const subscriptionsOf = (deps: TrackerDeps): RedisSubscriptionStore => {
  let store = subscriptionStores.get(deps);
  if (!store) subscriptionStores.set(deps, (store = new RedisSubscriptionStore(deps.redis, deps.keys)));
  return store;
};

/**
 * A voter record: what the lookup needs (county, ZIP, language) and the identity index. A voter whose identity
 * changed (a new name, a move) leaves the old index entry; the voter id, ballots and subscriptions stay, and the
 * subscription is then counted in the voter's county (a move takes its counts along).
 */
export async function handleCountyVoter(deps: TrackerDeps, voter: CountyVoter): Promise<void> {
  const voterKey = deps.keys.voter(voter.voterId);
  const [previousHash, previousUpdate] = await deps.redis.hmget(voterKey, "identity", "updated");
  // Records can arrive out of order: an older one never overwrites a newer one.
  if (previousUpdate && previousUpdate > voter.updatedAt) return;
  const pipeline = deps.redis.multi();
  if (previousHash && previousHash !== voter.identityHash) {
    pipeline.srem(deps.keys.identity(previousHash), voter.voterId);
  }
  pipeline.hset(voterKey, {
    county: voter.county,
    zip: voter.zip,
    language: voter.language,
    identity: voter.identityHash,
    updated: voter.updatedAt,
  });
  pipeline.sadd(deps.keys.identity(voter.identityHash), voter.voterId);
  await pipeline.exec();
  await subscriptionsOf(deps).followVoterCounty(voter.voterId, Date.parse(voter.updatedAt) || Date.now());
}
