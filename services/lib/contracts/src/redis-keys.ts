import { memoized } from "@ballot/core";

/**
 * Every Redis key, from one builder. Keys of one ballot share the hash tag `{mailerId:serial}` so that Redis
 * Cluster keeps them on one shard; `namespace` isolates stacks and tests that share a server.
 */
export function createRedisKeys(namespace = "") {
  const prefix = namespace ? `${namespace}:` : "";
  return {
    prefix,
    /**
     * Where one ballot's state lives: a field (the key's last character) of a bucket hash that holds up to ten
     * ballots (mailer id and serial but the last digit), so that a ballot costs a listpack entry, not a key of its own
     * (DESIGN.md: 22 million ballots on one Redis node). Ten, not a hundred as for the smaller values: a ballot is
     * about 165 bytes, and Redis finds a field by walking the listpack, so every read and write of a ballot paid for
     * walking fifty others (an eighth of Redis's work in the tracker's writes) to save 9 bytes a ballot. The value is
     * ballot-store.ts's.
     */
    ballot: (ballotKey: string): Slot => slotOf(`${prefix}ballots`, ballotKey, ballotFieldLength),
    /** The ballot buckets' key before the hash tag, for scripts that find a ballot from its key. */
    ballotKind: `${prefix}ballots`,
    /** SCAN pattern of every ballot bucket. */
    ballotBuckets: () => `${prefix}ballots:*`,
    /** The ballot key an IMb (mailer id + serial of a return envelope with its own serial) belongs to. */
    imbAlias: (mailerId: string, serialNumber: string): Slot =>
      slotOf(`${prefix}imb-aliases`, `${mailerId}:${serialNumber}`),
    /** The ballot key of a county ballot id. */
    ballotId: (ballotId: string): Slot => slotOf(`${prefix}ballot-ids`, ballotId),
    /** Hash: what the lookup needs of a voter (county, ZIP, language); no names. */
    voter: (voterId: string) => `${prefix}voter:{${voterId}}`,
    /** The ballot keys of a voter, comma-separated and sorted (written by one script: ballot-index.ts). */
    voterBallots: (voterId: string): Slot => slotOf(`${prefix}voter-ballots`, voterId),
    /** The voter-ballots buckets' key before the hash tag, for scripts that find a voter's list from the voter id. */
    voterBallotsKind: `${prefix}voter-ballots`,
    /** Hash: the voters on each county's roll, county -> count, moved with each voter record (voter-records.ts). */
    voterCounts: () => `${prefix}voter-counts`,
    /** Set: the voter ids whose identity hashes to this value (more than one: ask for the voter id). */
    identity: (identityHash: string) => `${prefix}identity:{${identityHash}}`,
    /** Hash: a county's ballots by status (`s:<status>`) and by ZIP and status (`z:<zip>:<status>`). */
    countyCounts: (county: string) => `${prefix}counts:{${county}}`,
    /** Sorted set: the county's ballots on their way to the voter, scored by their last sign of life (epoch s). */
    inMail: (county: string) => `${prefix}in-mail:{${county}}`,
    /** Sorted set: the county's ballots waiting for a cure, scored by the cure deadline (epoch s). */
    cureQueue: (county: string) => `${prefix}cure-queue:{${county}}`,
    /** Sorted set: the county's undeliverable ballots, scored by when they became so (epoch s). */
    undeliverable: (county: string) => `${prefix}undeliverable:{${county}}`,
    /**
     * Sorted set: the county's ballots in the mail stream with an entry scan and no exit scan yet: outbound ones in
     * transit (no out-for-delivery or delivery scan), and ones on their way back (not received by the county), scored
     * by that leg's first scan (epoch s).
     */
    enteredMail: (county: string) => `${prefix}entered-mail:{${county}}`,
    /** Sorted set: the county's ballots received and not yet accepted, rejected or counted, scored by receipt (epoch s). */
    received: (county: string) => `${prefix}received:{${county}}`,
    /**
     * Hash: the county's ballots by the day they reached each status, `<YYYY-MM-DD>:<status>` -> ballots whose
     * timeline shows that status first reached that day (the day of the evidence, in `dashboardTimeZone`). Written with
     * each ballot, from its timeline, so it is derived from the events alone: a rebuild gives it back exactly.
     */
    countyTrends: (county: string) => `${prefix}trends:{${county}}`,
    /**
     * Hash: one feed source's health (`usps.<feed>`, `county.<county>.<kind>`): `last` (when its last record came,
     * epoch ms), `lagMs` (of its last batch: receipt minus the newest scan's time), per day `d:<day>:<outcome>`
     * (`records`, `accepted`, `duplicate`, `foreign`, `rejected`) and `r:<day>:<reason>` (rejections by reason).
     * Written by ingest. Not derived: a rebuild keeps it.
     */
    feedHealth: (source: string) => `${prefix}feed-health:{${source}}`,
    /** Set: the feed sources ingest has had batches from. */
    feedSources: () => `${prefix}feed-sources`,
    /**
     * Hash: the county's messages per day, `<YYYY-MM-DD>:<channel>:<outcome>` -> count, outcome `sent` or `dead`
     * (refused for good: the voter cannot be reached there) on the day it happened, `delivered` or `failed` as the
     * provider's webhooks report it. Counted by the notifier as it settles a message (once per message). Not derived.
     */
    messageCounts: (county: string) => `${prefix}messages:{${county}}`,
    /** Set: the counties the tracker has seen ballots of. */
    counties: () => `${prefix}counties`,
    /**
     * Patterns of every key derived from the event stream, which a rebuild clears and replays. Anything else
     * (subscriptions, rate limits) is not derived and is left alone.
     */
    derivedStatePatterns: () =>
      [
        "ballots:*",
        "imb-aliases:*",
        "ballot-ids:*",
        "voter-ballots:*",
        "voter:*",
        "identity:*",
        "counts:*",
        "in-mail:*",
        "cure-queue:*",
        "undeliverable:*",
        "entered-mail:*",
        "received:*",
        "trends:*",
        "voter-counts",
        "counties",
      ].map((pattern) => `${prefix}${pattern}`),
    /**
     * Hash: alerts already raised for the county's ballots (`<ballotKey>:<kind>` -> what it was about), so a rule
     * that runs every minute raises each alert once. Not derived from the stream: a rebuild keeps it.
     */
    alertsRaised: (county: string) => `${prefix}alerts-raised:{${county}}`,
    /** Hash: counters of scans that matched no ballot of ours, by mailer id. */
    foreignScans: () => `${prefix}stats:foreign-scans`,
    /**
     * Hash: a voter's notification subscription: `lang`, and one field per channel (`ch:email`, `ch:sms`,
     * `ch:voice`) holding that channel's JSON (address, consent, window, language, source); `county`, the county
     * whose subscriberCounts it is counted in; `refused:<channel>`, `<address hash>|<reason>|<epoch ms>` when the
     * provider refused that address for good (a bounce, an unknown number). Not derived.
     */
    subscription: (voterId: string) => `${prefix}sub:{${voterId}}`,
    /**
     * Hash: the county's subscribers, moved in the same step as each subscription change (subscriber-counts.ts):
     * per channel and state `c:<channel>:<confirmed|pending|opted_out|refused>`, per language and channel
     * `l:<language>:<channel>:<confirmed|pending>`, voters `v:<confirmed|pending|unreachable>`, and per day
     * `d:<YYYY-MM-DD>:<channel>:<signup|enrolled|confirmed|opted_out>`. Not derived: a rebuild keeps it.
     */
    subscriberCounts: (county: string) => `${prefix}subscribers:{${county}}`,
    /**
     * Sorted set: the county's voters who have channels but none that can reach them (every one opted out or refused
     * for good), scored by when that became so (epoch ms). Kept with subscriberCounts. Not derived.
     */
    unreachableVoters: (county: string) => `${prefix}unreachable:{${county}}`,
    /** String: the voter id whose SMS or voice channel has this phone number (SHA-256 of the E.164 number). */
    subscriberByPhone: (phoneHash: string) => `${prefix}sub-phone:{${phoneHash}}`,
    /**
     * Hash: the dedupe and delivery record of one message (`<ballotKey>:<topic>:<channel>`): claimed before the
     * provider call, marked sent after it, with the provider's id and the delivery status its webhooks report.
     */
    notification: (messageId: string) => `${prefix}notification:{${messageId}}`,
    /** String: our message id for a provider's message id, so a delivery webhook finds its message. */
    providerMessage: (provider: string, providerMessageId: string) =>
      `${prefix}provider-message:{${provider}:${providerMessageId}}`,
    /** Sorted set: messages held for quiet hours, member `<ballotKey>|<messageId>`, scored by release time (ms). */
    heldQueue: () => `${prefix}held-queue`,
    /**
     * Sorted set: notices to a voter's previous contact that alerts now go elsewhere, member JSON (voter id, channel,
     * the old address, language, when), scored by when it is due (ms). Removed once sent: the old address is kept no
     * longer than that.
     */
    contactChangeNotices: () => `${prefix}contact-changed-queue`,
    /** Hash: the held messages of one ballot, message id -> the planned message (JSON), for folding. */
    heldOfBallot: (ballotKey: string) => `${prefix}held:{${ballotKey}}`,
    /** String with expiry: a one-time link token that has been used. */
    usedLinkToken: (tokenId: string) => `${prefix}used-link:{${tokenId}}`,
    /**
     * Sorted set: channels waiting for their confirmation request (email link, SMS "reply YES"), member
     * `<voterId>|<channel>`, scored by when it was asked for (ms). The API records a voter's sign-up or new address
     * here; the notifier sends the request (inside the contact window) and removes the member. Not derived.
     */
    confirmationRequests: () => `${prefix}confirm-queue`,
    /**
     * Hash: what one ingest batch did to a county's ballots toward one watched status (safety-holds.ts): `#n` ballots
     * so far, `#t` how many may notify (fixed at the first), `#f:<from>` by former status, and per ballot key its place
     * and message topic. Expires a few days after the batch's last change, unless the batch crossed `#t`: then it is
     * the hold (`#state` held, released or discarded; who decided, when; the correction's progress), kept. Not derived.
     */
    batchTally: (county: string, holdId: string) => `${prefix}batch-tally:{${county}}:${holdId}`,
    /** Hash: the notices a hold keeps back, ballot key -> notice (JSON); emptied by release or discard. Not derived. */
    heldForReview: (county: string, holdId: string) => `${prefix}review-held:{${county}}:${holdId}`,
    /** Sorted set: the county's holds (`<batchId>:<status>`), scored by when each was held (epoch ms). Not derived. */
    safetyHolds: (county: string) => `${prefix}safety-holds:{${county}}`,
    /** Sorted set: a county's hold work for the notifier, member `<holdId>|release` or `|correct`, by when due (ms). */
    safetyHoldJobs: (county: string) => `${prefix}safety-hold-jobs:{${county}}`,
    /**
     * Stream: the audit log of staff actions on one county's dashboard (or `state` for actions on no county), one
     * entry per action: `who`, `role`, `scope`, `action`, `outcome`, `at`. Not derived: a rebuild keeps it.
     */
    staffAudit: (county: string) => `${prefix}audit:{${county}}`,
    /**
     * Sorted set: the county's voters with at least one confirmed channel (whom a broadcast can reach), scored by when
     * that became so (epoch ms). Kept with the subscriber counts, in the same step as each subscription change. Not
     * derived.
     */
    reachableVoters: (county: string) => `${prefix}reachable:{${county}}`,
    /** Hash: one staff broadcast of a county (broadcast-store.ts): its text, audience, life and progress. Not derived. */
    broadcast: (county: string, broadcastId: string) => `${prefix}broadcast:{${county}}:${broadcastId}`,
    /** Sorted set: a county's broadcasts by when they were drafted (epoch ms). Not derived. */
    broadcasts: (county: string) => `${prefix}broadcasts:{${county}}`,
    /** Sorted set: broadcasts being sent, member `<county>|<broadcastId>`, scored by the notifier's next turn (ms). */
    broadcastsSending: () => `${prefix}broadcasts-sending`,
    /** Sorted set: a broadcast's messages waiting for quiet hours to end, member `<voterId>|<channel>`, by time (ms). */
    broadcastWaiting: (county: string, broadcastId: string) => `${prefix}broadcast-waiting:{${county}}:${broadcastId}`,
  };
}

export type RedisKeys = ReturnType<typeof createRedisKeys>;

/** A hash key and one field of it: where a small bucketed value lives. */
export type Slot = readonly [key: string, field: string];

/**
 * Buckets small values (a ballot, an id's ballot key) into hashes of up to a hundred fields: the field is the id's
 * last two characters (`fieldLength`; ballots use one, for ten a bucket) and the key holds the rest, in a hash tag for
 * Redis Cluster. Ids given out in sequence (as IMb serials and county ids are) fill their buckets, and a bucket of at
 * most 128 short fields stays a listpack (Redis's compact encoding): a few bytes of overhead per value instead of a
 * key's hundred. Sparse ids still work, at about a key's cost each.
 */
export function slotOf(kind: string, id: string, fieldLength = 2): Slot {
  return [`${kind}:{${id.slice(0, -fieldLength)}}`, id.slice(-fieldLength)];
}

/** The characters of a ballot key that name its field in its bucket (`RedisKeys.ballot`); scripts bucket alike. */
export const ballotFieldLength = 1;

/** The id a bucket's field stands for: the inverse of `slotOf`. */
export function idOfSlot(key: string, field: string): string {
  return `${key.slice(key.indexOf("{") + 1, -1)}${field}`;
}

/** The dashboard's days (trends, feed health) are California's: every county we serve keeps this time. */
export const dashboardTimeZone = "America/Los_Angeles";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: dashboardTimeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const hourMs = 3_600_000;
/** Days by epoch hour: the zone's day changes on the hour, and formatting is slow next to a lookup. */
const dayOfHour = memoized((hour: number): string => dayFormat.format(hour * hourMs), 100_000);

/** `YYYY-MM-DD` of an instant in `dashboardTimeZone`: the day a trend or feed counter counts it on. */
export const dashboardDayOf = (epochMs: number): string => dayOfHour(Math.floor(epochMs / hourMs));

/** A ballot is keyed on the mailer id and serial number of its outbound IMb (DESIGN.md, Ballot state). */
export const ballotKeyOf = (mailerId: string, serialNumber: string): string => `${mailerId}:${serialNumber}`;
