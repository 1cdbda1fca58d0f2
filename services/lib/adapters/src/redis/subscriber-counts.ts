import { createHash } from "node:crypto";
import { dashboardDayOf, type RedisKeys } from "@ballot/contracts";
import { type Channel, type ChannelSubscription, channels, type Language, type Subscription } from "@ballot/core";

/**
 * What the dashboard counts of a county's subscribers, kept in the same atomic step as every subscription change
 * (RedisSubscriptionStore routes each write through one script), so that the counts never drift from the
 * subscriptions they count and no page view scans them.
 *
 * A channel stands as:
 * - `confirmed`: alerts go there;
 * - `pending`: waiting for the voter's confirmation (email link, SMS "YES"); only the request is sent;
 * - `opted_out`: STOP, an unsubscribe, a spam complaint, or the carrier's "unsubscribed" answer;
 * - `refused`: the provider refused that address for good (a hard bounce, an unknown or landline number), as the
 *   notifier records it on the channel (`refused:<channel>`, for that address only: a new address starts afresh).
 * A voter with channels stands as `confirmed` (at least one confirmed channel), `pending` (none confirmed, one
 * pending), or `unreachable` (every channel opted out or refused). Voters with no channel at all are not here: the
 * dashboard counts them from the county's voters (see voterCounts).
 */
export type ChannelStanding = "confirmed" | "pending" | "opted_out" | "refused";
export const channelStandings = ["confirmed", "pending", "opted_out", "refused"] as const;
export type VoterStanding = "confirmed" | "pending" | "unreachable";
export const voterStandings = ["confirmed", "pending", "unreachable"] as const;
/** What the sign-ups report counts per day and channel. */
export const signupEvents = ["signup", "enrolled", "confirmed", "opted_out"] as const;
export type SignupEvent = (typeof signupEvents)[number];

/** The key part of an address (a phone number, an email): a hash, so that keys and marks do not hold it. */
export const addressHashOf = (address: string): string =>
  createHash("sha256").update(address).digest("hex").slice(0, 32);

/** A subscription as the counts see it: its channels, and the addresses refused for good (by hash, per channel). */
export interface CountedSubscription {
  readonly subscription: Subscription | undefined;
  readonly refused: Partial<Record<Channel, string>>;
  /** The county it is counted in; undefined while the voter's county is not known (nothing is counted). */
  readonly county: string | undefined;
}

export function standingOf(entry: ChannelSubscription, refused: CountedSubscription["refused"]): ChannelStanding {
  if (entry.consent === "opted_out") return "opted_out";
  if (refused[entry.channel] === addressHashOf(entry.address)) return "refused";
  return entry.consent;
}

/** Undefined for a voter with no channel. */
export function voterStandingOf(standings: readonly ChannelStanding[]): VoterStanding | undefined {
  if (standings.length === 0) return undefined;
  if (standings.includes("confirmed")) return "confirmed";
  if (standings.includes("pending")) return "pending";
  return "unreachable";
}

/** The counter fields one subscription adds to its county's subscriberCounts hash (each by one). */
export function countFieldsOf({ subscription, refused }: CountedSubscription): string[] {
  if (!subscription) return [];
  const fields: string[] = [];
  const standings: ChannelStanding[] = [];
  for (const entry of subscription.channels) {
    const standing = standingOf(entry, refused);
    standings.push(standing);
    fields.push(`c:${entry.channel}:${standing}`);
    const language: Language = entry.language ?? subscription.language;
    if (standing === "confirmed" || standing === "pending") fields.push(`l:${language}:${entry.channel}:${standing}`);
  }
  const voter = voterStandingOf(standings);
  if (voter) fields.push(`v:${voter}`);
  return fields;
}

const isLive = (standing: ChannelStanding | undefined) => standing === "confirmed" || standing === "pending";

/**
 * What a change adds to the sign-ups report, per channel: a sign-up (`enrolled` when the county roll made it) when a
 * channel that was absent or opted out now can be reached, a confirmation when a pending channel is confirmed, an
 * opt-out when a live channel is opted out or removed. A new address for a live channel is none of these.
 */
export function signupEventsOf(
  before: CountedSubscription,
  after: CountedSubscription,
): { channel: Channel; event: SignupEvent }[] {
  const events: { channel: Channel; event: SignupEvent }[] = [];
  for (const channel of channels) {
    const was = before.subscription?.channels.find((entry) => entry.channel === channel);
    const now = after.subscription?.channels.find((entry) => entry.channel === channel);
    const wasStanding = was ? standingOf(was, before.refused) : undefined;
    const nowStanding = now ? standingOf(now, after.refused) : undefined;
    if (now && isLive(nowStanding) && (!was || wasStanding === "opted_out")) {
      events.push({ channel, event: now.source === "roll" ? "enrolled" : "signup" });
    } else if (wasStanding === "pending" && nowStanding === "confirmed") {
      events.push({ channel, event: "confirmed" });
    } else if (isLive(wasStanding) && (!now || nowStanding === "opted_out")) {
      events.push({ channel, event: "opted_out" });
    }
  }
  return events;
}

/**
 * The Redis keys and the operations (for `applyChangeScript`) that move the counts from `before` to `after`, as of
 * `nowMs`. KEYS[1] is left for the subscription hash; the counts' keys follow.
 */
export function countOperationsOf(
  keys: RedisKeys,
  voterId: string,
  before: CountedSubscription,
  after: CountedSubscription,
  nowMs: number,
): { keys: string[]; operations: CountOperation[] } {
  const countyKeys: string[] = [];
  const indexOf = (key: string) => {
    const found = countyKeys.indexOf(key);
    if (found >= 0) return found + 2;
    countyKeys.push(key);
    return countyKeys.length + 1;
  };
  const deltas = new Map<string, { key: number; field: string; delta: number }>();
  const add = (county: string, field: string, delta: number) => {
    const key = indexOf(keys.subscriberCounts(county));
    const id = `${key}|${field}`;
    const entry = deltas.get(id) ?? { key, field, delta: 0 };
    entry.delta += delta;
    deltas.set(id, entry);
  };
  if (before.county) for (const field of countFieldsOf(before)) add(before.county, field, -1);
  if (after.county) {
    for (const field of countFieldsOf(after)) add(after.county, field, 1);
    const day = dashboardDayOf(nowMs);
    for (const { channel, event } of signupEventsOf(before, after))
      add(after.county, `d:${day}:${channel}:${event}`, 1);
  }
  const operations: CountOperation[] = [...deltas.values()]
    .filter(({ delta }) => delta !== 0)
    .map(({ key, field, delta }) => [key, "hincrby", field, delta]);
  // The voters of a standing, by name: the unreachable (for the dashboard), the reachable (a broadcast's audience).
  const listed = [
    ["v:unreachable", keys.unreachableVoters],
    ["v:confirmed", keys.reachableVoters],
  ] as const;
  for (const [field, listOf] of listed) {
    const was = before.county !== undefined && countFieldsOf(before).includes(field);
    const now = after.county !== undefined && countFieldsOf(after).includes(field);
    if (was && (!now || before.county !== after.county)) {
      operations.push([indexOf(listOf(before.county as string)), "zrem", voterId]);
    }
    if (now) operations.push([indexOf(listOf(after.county as string)), "zadd", String(nowMs), voterId]);
  }
  return { keys: countyKeys, operations };
}

/** One step of the script: a counter moved, or a voter added to (NX: the first time kept) or removed from a set. */
export type CountOperation =
  | readonly [key: number, op: "hincrby", field: string, delta: number]
  | readonly [key: number, op: "zadd", scoreMs: string, member: string]
  | readonly [key: number, op: "zrem", member: string];

/**
 * Writes a voter's subscription hash (KEYS[1]) only if it is still exactly the snapshot (ARGV[1], JSON object),
 * setting ARGV[2] (JSON object) and deleting ARGV[3] (JSON array), and in the same step applies the counts'
 * operations ARGV[4] (JSON array of CountOperation, key indexes into KEYS). 1 when written, 0 when the hash changed
 * meanwhile (nothing was written). A counter that comes back to 0 is removed.
 */
export const applyChangeScript = `
local expected = cjson.decode(ARGV[1])
local current = redis.call('HGETALL', KEYS[1])
local seen = 0
for index = 1, #current, 2 do
  if expected[current[index]] ~= current[index + 1] then return 0 end
  seen = seen + 1
end
local count = 0
for _ in pairs(expected) do count = count + 1 end
if count ~= seen then return 0 end
for field, value in pairs(cjson.decode(ARGV[2])) do redis.call('HSET', KEYS[1], field, value) end
for _, field in ipairs(cjson.decode(ARGV[3])) do redis.call('HDEL', KEYS[1], field) end
for _, op in ipairs(cjson.decode(ARGV[4])) do
  local key = KEYS[op[1]]
  if op[2] == 'hincrby' then
    if redis.call('HINCRBY', key, op[3], op[4]) == 0 then redis.call('HDEL', key, op[3]) end
  elseif op[2] == 'zadd' then
    redis.call('ZADD', key, 'NX', op[3], op[4])
  else
    redis.call('ZREM', key, op[3])
  end
end
return 1
`;
