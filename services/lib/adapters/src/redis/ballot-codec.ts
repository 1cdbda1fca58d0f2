import {
  type BallotState,
  type BallotStatus,
  ballotStatuses,
  type CountyEntry,
  type CountyStatus,
  countyStatuses,
  currentStatus,
  type UspsStatus,
} from "@ballot/core";

/**
 * Ballot state as a small Redis hash, written for memory: there is one per ballot, 22 million in California. Times
 * are base-36 epoch seconds, statuses their index in a fixed list, and fields one letter:
 *
 * | field | value |
 * | --- | --- |
 * | `m` | `ballotId|voterId|county|electionId|issued|zip` |
 * | `s` | the current voter-facing status, by name (read by counters and dashboards without decoding) |
 * | `u` | USPS evidence, earliest per status: `statusIndex:time,...` |
 * | `c` | county statuses: `statusIndex:time:reason:cureDeadline:cureUrl;...` (`correction` is index 99) |
 * | `a` | as-of time |
 * | `e` | expected delivery date and when USPS said so: `YYYY-MM-DD@time` |
 * | `l` | the latest outbound scan time |
 * | `v` | the version, for compare-and-set (written by the store, not here) |
 * | `p`, `n` | what the ballot last counted, and a claimed status announcement (ballot-projection.ts) |
 *
 * The separators never occur in what they separate: ids are `[A-Za-z0-9._-]`, reason codes are words, cure URLs are
 * percent-encoded.
 */
const time = (ms: number): string => Math.floor(ms / 1000).toString(36);
const fromTime = (text: string): number => Number.parseInt(text, 36) * 1000;
const statusIndex = (status: string): number => ballotStatuses.indexOf(status as BallotStatus);
const correctionIndex = 99;

function encodeCountyEntry(entry: CountyEntry): string {
  const index = entry.status === "correction" ? correctionIndex : statusIndex(entry.status);
  const tail = [
    entry.reasonCode ?? "",
    entry.cureDeadline ?? "",
    entry.cureUrl ? encodeURIComponent(entry.cureUrl) : "",
  ];
  while (tail.length > 0 && tail.at(-1) === "") tail.pop();
  return [String(index), time(entry.atMs), ...tail].join(":");
}

function decodeCountyEntry(text: string): CountyEntry | undefined {
  const [indexText = "", atText = "", reasonCode, cureDeadline, cureUrl] = text.split(":");
  const index = Number(indexText);
  const status = index === correctionIndex ? "correction" : ballotStatuses[index];
  if (status !== "correction" && !countyStatuses.includes(status as CountyStatus)) return undefined;
  return {
    status: status as CountyStatus,
    atMs: fromTime(atText),
    ...(reasonCode ? { reasonCode } : {}),
    ...(cureDeadline ? { cureDeadline } : {}),
    ...(cureUrl ? { cureUrl: decodeURIComponent(cureUrl) } : {}),
  };
}

/** Every field `encodeBallot` may write, for readers that ask for fields by name (HMGET). */
export const ballotStateFields = ["m", "s", "u", "c", "a", "e", "l"] as const;

/** Field, value pairs for HSET (without the version). */
export function encodeBallot(state: BallotState): string[] {
  const fields: [string, string | undefined][] = [
    [
      "m",
      [
        state.ballotId ?? "",
        state.voterId ?? "",
        state.county ?? "",
        state.electionId ?? "",
        state.issuedAtMs === undefined ? "" : time(state.issuedAtMs),
        state.zip ?? "",
      ]
        .join("|")
        .replace(/\|+$/, ""),
    ],
    ["s", currentStatus(state)],
    [
      "u",
      (Object.entries(state.usps) as [UspsStatus, number][])
        .sort(([a], [b]) => statusIndex(a) - statusIndex(b))
        .map(([status, atMs]) => `${statusIndex(status)}:${time(atMs)}`)
        .join(","),
    ],
    ["c", state.countyEvents.map(encodeCountyEntry).join(";")],
    ["a", time(state.asOfMs)],
    [
      "e",
      state.expectedDeliveryDate
        ? `${state.expectedDeliveryDate.date}@${time(state.expectedDeliveryDate.seenAtMs)}`
        : undefined,
    ],
    ["l", state.lastOutboundScanAtMs === undefined ? undefined : time(state.lastOutboundScanAtMs)],
  ];
  return fields.flatMap(([field, value]) => (value === undefined || value === "" ? [] : [field, value]));
}

export function decodeBallot(hash: Readonly<Record<string, string>>): BallotState {
  const [ballotId, voterId, county, electionId, issued, zip] = (hash.m ?? "").split("|");
  const usps: Partial<Record<UspsStatus, number>> = {};
  for (const pair of (hash.u ?? "").split(",").filter(Boolean)) {
    const [index = "", at = ""] = pair.split(":");
    const status = ballotStatuses[Number(index)];
    if (status) usps[status as UspsStatus] = fromTime(at);
  }
  const [eddDate, eddSeen] = (hash.e ?? "").split("@");
  return {
    ...(ballotId ? { ballotId } : {}),
    ...(voterId ? { voterId } : {}),
    ...(county ? { county } : {}),
    ...(electionId ? { electionId } : {}),
    ...(zip ? { zip } : {}),
    ...(issued ? { issuedAtMs: fromTime(issued) } : {}),
    usps,
    countyEvents: (hash.c ?? "")
      .split(";")
      .filter(Boolean)
      .map(decodeCountyEntry)
      .filter((entry): entry is CountyEntry => entry !== undefined),
    asOfMs: hash.a ? fromTime(hash.a) : 0,
    ...(eddDate && eddSeen ? { expectedDeliveryDate: { date: eddDate, seenAtMs: fromTime(eddSeen) } } : {}),
    ...(hash.l ? { lastOutboundScanAtMs: fromTime(hash.l) } : {}),
  };
}
