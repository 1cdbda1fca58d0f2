import { dashboardDayOf, type RedisKeys } from "@ballot/contracts";
import {
  type BallotState,
  type BallotStatus,
  ballotStatuses,
  correctionCount,
  effectiveCountyEntries,
  isBallotStatus,
  viewBallot,
} from "@ballot/core";

/**
 * What a ballot contributes to its county's dashboard figures: one count by status and by ZIP, and membership of
 * the in-the-mail, cure, undeliverable, entered-mail (entry scan, no exit scan) and received queues. Kept incrementally, so no page ever scans all ballots.
 *
 * The stored ballot remembers what it last contributed (its marker, `statusIndex|zip`, the index in `ballotStatuses`:
 * short, since there is one per ballot), and one script moves the counts and the marker together, so a tracker that
 * dies half-way, or two trackers on the same ballot, never count twice. Markers written by status name (before the
 * index) are read too.
 */
export interface Projection {
  readonly county: string;
  /** `statusIndex|zip`: what the counts should hold for this ballot. */
  readonly marker: string;
  readonly status: BallotStatus;
  /** When the evidence of that status happened. */
  readonly statusAtMs: number;
  readonly zip: string;
  /** Epoch seconds; undefined removes the ballot from that queue. */
  readonly inMailSince?: number | undefined;
  readonly cureDeadline?: number | undefined;
  readonly undeliverableSince?: number | undefined;
  /** In the mail on either leg with no exit scan yet: since that leg's entry (first) scan. */
  readonly enteredMailSince?: number | undefined;
  /** Received by the county and not yet decided. */
  readonly receivedSince?: number | undefined;
  /** County corrections so far: a status reached again after one is a new announcement. */
  readonly corrections: number;
  /** The county trend fields the ballot counts in: `<day>:<status>` for each status on its timeline. */
  readonly trends: readonly string[];
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export function projectionOf(state: BallotState): Projection | undefined {
  const view = viewBallot(state);
  if (!view || !state.county) return undefined;
  const zip = state.zip ?? "";
  const mailedAtMs = effectiveCountyEntries(state).find((entry) => entry.status === "mailed")?.atMs ?? 0;
  const lastSignMs = Math.max(state.lastOutboundScanAtMs ?? 0, mailedAtMs);
  const cureDeadline = view.rejection?.cureDeadline
    ? Date.parse(`${view.rejection.cureDeadline}T23:59:59Z`)
    : undefined;
  return {
    county: state.county,
    marker: `${ballotStatuses.indexOf(view.status)}|${zip}`,
    status: view.status,
    statusAtMs: view.statusAtMs,
    zip,
    inMailSince:
      view.status === "mailed" || view.status === "in_transit" ? seconds(lastSignMs || view.statusAtMs) : undefined,
    cureDeadline: view.status === "cure_pending" && cureDeadline ? seconds(cureDeadline) : undefined,
    undeliverableSince: view.status === "undeliverable" ? seconds(view.statusAtMs) : undefined,
    enteredMailSince: entryScanOf(state, view.status),
    receivedSince: view.status === "received" ? seconds(view.statusAtMs) : undefined,
    corrections: correctionCount(state),
    trends: view.timeline.map((entry) => `${dashboardDayOf(entry.atMs)}:${entry.status}`),
  };
}

/**
 * The first scan of the leg a ballot is on, while that leg has no exit scan: on the way out, no out-for-delivery or
 * delivery scan (the status moves on); on the way back, no delivery to the county and no receipt.
 */
function entryScanOf(state: BallotState, status: BallotStatus): number | undefined {
  const entryMs =
    status === "in_transit"
      ? state.usps.in_transit
      : status === "returned_by_voter" && state.returnDeliveredAtMs === undefined
        ? state.usps.returned_by_voter
        : undefined;
  return entryMs === undefined ? undefined : seconds(entryMs);
}

/**
 * The trend counts a write moves: -1 for each field the stored state counted in and the new one does not, +1 the
 * other way, as `field, delta` pairs. Most writes move none (a scan only moves the time in the mail).
 */
export function trendDeltasOf(before: readonly string[], after: readonly string[]): string[] {
  const deltas: string[] = [];
  for (const field of before) if (!after.includes(field)) deltas.push(field, "-1");
  for (const field of after) if (!before.includes(field)) deltas.push(field, "1");
  return deltas;
}

/** Lua: the status named by a marker's first part, an index into `ballotStatuses` or (older markers) the name. */
const statusOfMarkerLua = `
local statusNames = {${ballotStatuses.map((status) => `'${status}'`).join(", ")}}
local function statusOfMarker(text)
  local index = tonumber(text)
  if index then return statusNames[index + 1] end
  return text
end
`;

// Lua: the parts of a stored ballot (ballot-store.ts: `version/marker/pending/state`), and where the state begins.
export const storedPartsLua = `
local function storedParts(raw)
  if not raw then return '0', '', '', 0 end
  local a = string.find(raw, '/', 1, true)
  local b = string.find(raw, '/', a + 1, true)
  local c = string.find(raw, '/', b + 1, true)
  return string.sub(raw, 1, a - 1), string.sub(raw, a + 1, b - 1), string.sub(raw, b + 1, c - 1), c + 1
end
`;

// Lua: the counts and queue moves of a script's ballots, gathered and then applied together at its end (still in the
// same atomic step): a chunk of a hundred ballots that all move from one status to the next makes two HINCRBYs and
// one ZADD per queue, not a few hundred commands. Every field touched gets its HINCRBY, a zero sum too, so that the
// fields a hash holds do not depend on how ballots were grouped into calls (the rebuild compares them). For a queue,
// the last move of a member wins ('' takes it out).
const bufferedCountsLua = `
local countKeys, counts, queueKeys, queues = {}, {}, {}, {}
-- The entries gathered for a key (in byKey), the key listed in keys the first time.
local function entriesOf(keys, byKey, key)
  local entries = byKey[key]
  if not entries then
    entries = {}
    byKey[key] = entries
    keys[#keys + 1] = key
  end
  return entries
end
local function incr(key, field, delta)
  local byField = entriesOf(countKeys, counts, key)
  byField[field] = (byField[field] or 0) + delta
end
local function queue(key, member, score)
  entriesOf(queueKeys, queues, key)[member] = score
end
local function flushCounts()
  for _, key in ipairs(countKeys) do
    for field, delta in pairs(counts[key]) do redis.call('HINCRBY', key, field, delta) end
  end
  for _, key in ipairs(queueKeys) do
    local adds, removes = {}, {}
    for member, score in pairs(queues[key]) do
      if score == '' then removes[#removes + 1] = member
      else
        adds[#adds + 1] = score
        adds[#adds + 1] = member
      end
    end
    for first = 1, #adds, 2000 do redis.call('ZADD', key, unpack(adds, first, math.min(first + 1999, #adds))) end
    for first = 1, #removes, 1000 do redis.call('ZREM', key, unpack(removes, first, math.min(first + 999, #removes))) end
  end
end
`;

// One ballot's state write and projection in one atomic step, so the counts and queues always match the stored
// state (no window in which a writer that dies leaves them behind); a chunk of scans costs one script call. Only the
// queues whose score moved are sent (most scans only move a ballot's time in the mail).
// K (keys): ballot bucket, county counts, county trends, then each queue that changes (in-mail, cure queue,
// undeliverable, entered-mail, received), then for a ballot moving from another county that county's counts and
// trends. A (arguments): the ballot's field in its bucket, expected version, expected marker, new marker
// (`statusIndex|zip`), ballot key, corrections so far, the number of queues Q, their Q scores ('' takes the ballot
// out of that queue), the number of trend deltas T, their T field, delta pairs, then for a move the number of the
// old county's trend fields F and those F fields (each counted down there), or '' for none, then the encoded state.
// A ballot moving county is counted down in the old county (its queues there are among the Q, with '') and up in the
// new one, whatever its status.
// Returns { 1 written | -1 conflict (nothing written: reload and decide again), the pending announcement or '' }.
// The pending announcement (`from>to>corrections`) is written in the same step as the counts, so exactly one writer
// claims each change; it stays until the announcement is published, so a writer that dies in between leaves it for
// the redelivered event to publish. Two changes before one is published fold into one (from the first `from` to the
// last `to`).
const writeOneLua = `${statusOfMarkerLua}${storedPartsLua}${bufferedCountsLua}
local function writeOne(kb, ab, argCount)
  local version, current, pending = storedParts(redis.call('HGET', KEYS[kb + 1], ARGV[ab + 1]))
  if version ~= ARGV[ab + 2] then return -1, '' end
  if current ~= ARGV[ab + 4] and current ~= ARGV[ab + 3] then return -1, '' end
  local queues = tonumber(ARGV[ab + 7])
  local trends = tonumber(ARGV[ab + 8 + queues])
  for index = 1, trends do
    local at = 7 + queues + 2 * index
    incr(KEYS[kb + 3], ARGV[ab + at], tonumber(ARGV[ab + at + 1]))
  end
  local moveAt = 9 + queues + 2 * trends
  local moving = ARGV[ab + moveAt] ~= ''
  local fromCounts = KEYS[kb + 2]
  if moving then
    fromCounts = KEYS[kb + 4 + queues]
    for index = 1, tonumber(ARGV[ab + moveAt]) do
      incr(KEYS[kb + 5 + queues], ARGV[ab + moveAt + index], -1)
    end
  end
  if current ~= ARGV[ab + 4] or moving then
    local newSep = string.find(ARGV[ab + 4], '|', 1, true)
    local newStatus = statusOfMarker(string.sub(ARGV[ab + 4], 1, newSep - 1))
    local newZip = string.sub(ARGV[ab + 4], newSep + 1)
    local oldStatus = ''
    if current ~= '' then
      local sep = string.find(current, '|', 1, true)
      oldStatus = statusOfMarker(string.sub(current, 1, sep - 1))
      local oldZip = string.sub(current, sep + 1)
      incr(fromCounts, 's:' .. oldStatus, -1)
      if oldZip ~= '' then incr(fromCounts, 'z:' .. oldZip .. ':' .. oldStatus, -1) end
    end
    incr(KEYS[kb + 2], 's:' .. newStatus, 1)
    if newZip ~= '' then incr(KEYS[kb + 2], 'z:' .. newZip .. ':' .. newStatus, 1) end
    if oldStatus ~= newStatus then
      local from = oldStatus
      if pending ~= '' then from = string.sub(pending, 1, string.find(pending, '>', 1, true) - 1) end
      if from == newStatus and pending ~= '' then pending = ''
      else pending = from .. '>' .. newStatus .. '>' .. ARGV[ab + 6] end
    end
  end
  redis.call('HSET', KEYS[kb + 1], ARGV[ab + 1], (tonumber(version) + 1) .. '/' .. ARGV[ab + 4] .. '/' .. pending .. '/' .. ARGV[ab + argCount])
  for index = 1, queues do
    queue(KEYS[kb + 3 + index], ARGV[ab + 5], ARGV[ab + 7 + index])
  end
  return 1, pending
end
`;

// Many ballots' writes in one call, each as writeOne above with its own keys and arguments. KEYS: every ballot's
// keys, one after the other. ARGV: the number of ballots, then for each the number of its keys, the number of
// its arguments, and its arguments. Returns the replies, two values a ballot, in order.
export const writeAndProjectManyScript = `${writeOneLua}
local replies = {}
local key, at = 1, 2
for _ = 1, tonumber(ARGV[1]) do
  local keyCount, argCount = tonumber(ARGV[at]), tonumber(ARGV[at + 1])
  local written, pending = writeOne(key - 1, at + 1, argCount)
  replies[#replies + 1] = written
  replies[#replies + 1] = pending
  key = key + keyCount
  at = at + 2 + argCount
end
flushCounts()
return replies
`;

// KEYS: ballot buckets. ARGV: for each, the ballot's field and the announcement just published. Clears each unless a
// newer one replaced it meanwhile.
export const announcedScript = `${storedPartsLua}
for index = 1, #KEYS do
  local field, announced = ARGV[2 * index - 1], ARGV[2 * index]
  local raw = redis.call('HGET', KEYS[index], field)
  local version, marker, pending, stateAt = storedParts(raw)
  if raw and pending == announced then
    redis.call('HSET', KEYS[index], field, version .. '/' .. marker .. '//' .. string.sub(raw, stateAt))
  end
end
return 0
`;

/** A change of voter-facing status claimed by one writer and not yet published. */
export interface PendingAnnouncement {
  /** As stored, to clear it once published. */
  readonly raw: string;
  readonly from: BallotStatus | null;
  readonly to: BallotStatus;
  readonly corrections: number;
}

export function parseAnnouncement(raw: string): PendingAnnouncement | undefined {
  const [from = "", to = "", corrections = "0"] = raw.split(">");
  if (!isBallotStatus(to)) return undefined;
  return { raw, from: isBallotStatus(from) ? from : null, to, corrections: Number(corrections) };
}

/**
 * Keys and arguments of `writeAndProjectScript`. With `previous` (the projection of the state being replaced, when
 * the stored marker says it was applied), queues whose score did not change are left out.
 */
export function writeAndProjectArguments(
  keys: RedisKeys,
  ballotKey: string,
  expected: { readonly version: number; readonly marker: string },
  projection: Projection,
  previous: Projection | undefined,
  encodedState: string,
  movedFrom?: Projection,
): { readonly keys: string[]; readonly args: string[] } {
  const queuesOf = (of: Projection | undefined, county: string): [string, number | undefined][] => [
    [keys.inMail(county), of?.inMailSince],
    [keys.cureQueue(county), of?.cureDeadline],
    [keys.undeliverable(county), of?.undeliverableSince],
    [keys.enteredMail(county), of?.enteredMailSince],
    [keys.received(county), of?.receivedSince],
  ];
  const before = queuesOf(previous, projection.county);
  const queues: [string, number | undefined, number | undefined][] = queuesOf(projection, projection.county).map(
    ([key, score], index) => [key, score, before[index]?.[1]],
  );
  const moved = queues.filter(([, score, was]) => !previous || score !== was);
  // Out of the old county's queues it was in (a score of nothing takes it out).
  if (movedFrom) {
    for (const [key, score] of queuesOf(movedFrom, movedFrom.county)) {
      if (score !== undefined) moved.push([key, undefined, score]);
    }
  }
  // What the stored state counted in the trends, only if its projection was applied (else it counted nowhere).
  const trendDeltas = trendDeltasOf(previous?.trends ?? [], projection.trends);
  const [bucket, field] = keys.ballot(ballotKey);
  return {
    keys: [
      bucket,
      keys.countyCounts(projection.county),
      keys.countyTrends(projection.county),
      ...moved.map(([key]) => key),
      ...(movedFrom ? [keys.countyCounts(movedFrom.county), keys.countyTrends(movedFrom.county)] : []),
    ],
    args: [
      field,
      String(expected.version),
      expected.marker,
      projection.marker,
      ballotKey,
      String(projection.corrections),
      String(moved.length),
      ...moved.map(([, score]) => (score === undefined ? "" : String(score))),
      String(trendDeltas.length / 2),
      ...trendDeltas,
      ...(movedFrom ? [String(movedFrom.trends.length), ...movedFrom.trends] : [""]),
      encodedState,
    ],
  };
}
