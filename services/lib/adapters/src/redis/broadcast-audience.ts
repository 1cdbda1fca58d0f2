import type { RedisKeys } from "@ballot/contracts";
import {
  type AudienceBallot,
  type AudienceCount,
  type AudienceFilter,
  type BroadcastRecipient,
  broadcastRecipientsOf,
  createAudienceTally,
  isInAudience,
  viewBallot,
} from "@ballot/core";
import type { Redis } from "ioredis";
import type { RedisBallotStore } from "./ballot-store.ts";
import type { RedisSubscriptionStore } from "./subscription-store.ts";

/** A voter of a broadcast's audience and the messages they get (one per confirmed channel). */
export interface AudienceMember {
  readonly voterId: string;
  readonly recipients: readonly BroadcastRecipient[];
}

export interface AudiencePage {
  /** Where the next page starts; "0" when this was the last. */
  readonly cursor: string;
  readonly members: readonly AudienceMember[];
}

/** Voters read per page of the county's reachable voters. */
export const defaultAudiencePageSize = 500;

/**
 * A broadcast's audience, found from the county's reachable voters (those with a confirmed channel, a sorted set kept
 * with each subscription change) rather than from its ballots: a pass reads each reachable voter's subscription, their
 * ballot keys and those ballots, so it costs a few reads per subscriber and nothing per unsubscribed ballot.
 */
export class RedisBroadcastAudience {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  readonly #ballots: RedisBallotStore;
  readonly #subscriptions: RedisSubscriptionStore;
  constructor(redis: Redis, keys: RedisKeys, ballots: RedisBallotStore, subscriptions: RedisSubscriptionStore) {
    this.#redis = redis;
    this.#keys = keys;
    this.#ballots = ballots;
    this.#subscriptions = subscriptions;
  }

  /**
   * One page of the county's reachable voters from `cursor` (ZSCAN: every voter reachable for the whole walk comes
   * at least once, a few may come twice), with those in the audience and the messages each gets. Voters whose
   * channels are no longer confirmed, or whose ballots do not match, are left out.
   */
  async page(
    county: string,
    filter: AudienceFilter,
    cursor: string,
    pageSize = defaultAudiencePageSize,
  ): Promise<AudiencePage> {
    const [next, flat] = await this.#redis.zscan(this.#keys.reachableVoters(county), cursor, "COUNT", pageSize);
    const voterIds = flat.filter((_, index) => index % 2 === 0);
    // Three pipelines a page, whatever its size: the subscriptions, the voters' ballot keys, their ballots.
    const [subscriptions, ballotKeys] = await Promise.all([
      this.#subscriptions.loadMany(voterIds),
      this.#ballots.index.ballotKeysOfVoters(voterIds),
    ]);
    const stored = await this.#ballots.loadMany(ballotKeys.flat());
    let at = 0;
    const members = voterIds.map((voterId, index): AudienceMember | undefined => {
      const ballots = (ballotKeys[index] ?? []).flatMap((): AudienceBallot[] => {
        const ballot = stored[at];
        at += 1;
        const view = ballot ? viewBallot(ballot.state) : undefined;
        if (!ballot || !view) return [];
        const { county: ballotCounty, electionId, zip } = ballot.state;
        return [{ county: ballotCounty, electionId, zip, status: view.status }];
      });
      const subscription = subscriptions[index];
      if (!subscription || !isInAudience(county, filter, ballots)) return undefined;
      const recipients = broadcastRecipientsOf(subscription);
      return recipients.length > 0 ? { voterId, recipients } : undefined;
    });
    return { cursor: next, members: members.filter((member): member is AudienceMember => member !== undefined) };
  }

  /** The exact audience: one whole pass over the county's reachable voters, each counted once. */
  async count(county: string, filter: AudienceFilter, pageSize = defaultAudiencePageSize): Promise<AudienceCount> {
    const tally = createAudienceTally();
    const seen = new Set<string>();
    let cursor = "0";
    do {
      const page = await this.page(county, filter, cursor, pageSize);
      for (const member of page.members) {
        if (seen.has(member.voterId)) continue;
        seen.add(member.voterId);
        tally.add(member.recipients);
      }
      cursor = page.cursor;
    } while (cursor !== "0");
    return tally.count();
  }
}
